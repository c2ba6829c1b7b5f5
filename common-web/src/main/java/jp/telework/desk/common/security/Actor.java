package jp.telework.desk.common.security;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import jp.telework.desk.common.problem.ProblemException;

/**
 * Who is calling, read from the validated Keycloak token: realm roles, the association's
 * {@code prefecture} claim and the SME's {@code organization} claim.
 */
@RequestScoped
public class Actor {
    @Inject
    SecurityIdentity identity;

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    public String subject() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    public boolean isSecretariat() {
        return has(Roles.SECRETARIAT);
    }

    public boolean isAssociation() {
        return has(Roles.ASSOCIATION);
    }

    public boolean isSme() {
        return has(Roles.SME);
    }

    public Optional<String> prefecture() {
        return claim("prefecture");
    }

    /** The SME's organization id; its bookings, registrations and inquiries belong to it. */
    public Optional<String> organization() {
        return claim("organization");
    }

    public String requireOrganization() {
        return organization().orElseThrow(() -> ProblemException.forbidden("your token carries no organization"));
    }

    /** The secretariat manages every prefecture; an association only its own. */
    public boolean manages(String prefectureCode) {
        return isSecretariat() || (isAssociation() && prefecture().map(p -> p.equals(prefectureCode)).orElse(false));
    }

    public void requireManages(String prefectureCode) {
        if (!manages(prefectureCode)) {
            throw ProblemException.forbidden("you may manage prefecture " + prefecture().orElse("(none)")
                    + " only, not " + prefectureCode);
        }
    }

    private Optional<String> claim(String name) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Optional.empty();
        }
        Object value = jwt.getClaim(name);
        return value == null ? Optional.empty() : Optional.of(value.toString().replace("\"", ""));
    }
}
