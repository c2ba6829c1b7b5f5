package jp.telework.desk.gateway.routing;

import java.util.Set;
import java.util.function.Predicate;
import jp.telework.desk.common.security.Roles;

/**
 * Who may pass the gateway on a route. Only the coarse rule is decided here; which organization or
 * prefecture a caller may touch is decided by the service behind (it validates the token again).
 */
public enum Access {
    /** No token needed; a token that is sent must still be valid. */
    PUBLIC(Set.of()),
    /** SMEs, associations and the secretariat: the business API. The dashboard client reads statistics only. */
    BUSINESS(Set.of(Roles.SME, Roles.ASSOCIATION, Roles.SECRETARIAT)),
    /** The secretariat and the read-only dashboard client. */
    STATISTICS(Set.of(Roles.SECRETARIAT, Roles.DASHBOARD));

    private final Set<String> roles;

    Access(Set<String> roles) {
        this.roles = roles;
    }

    public Set<String> roles() {
        return roles;
    }

    public Decision decide(boolean anonymous, Predicate<String> hasRole) {
        if (this == PUBLIC) {
            return Decision.ALLOW;
        }
        if (anonymous) {
            return Decision.UNAUTHENTICATED;
        }
        return roles.stream().anyMatch(hasRole) ? Decision.ALLOW : Decision.FORBIDDEN;
    }

    public enum Decision {
        ALLOW, UNAUTHENTICATED, FORBIDDEN
    }
}
