package jp.telework.desk.seminar.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import jp.telework.desk.common.problem.ProblemException;
import jp.telework.desk.common.security.Actor;
import jp.telework.desk.seminar.domain.Registration;
import jp.telework.desk.seminar.domain.Participation;
import jp.telework.desk.seminar.domain.Seminar;
import jp.telework.desk.seminar.domain.SeminarRules;

/**
 * Who may do what with seminars: the secretariat manages all; an association manages the seminars
 * hosted by its own prefecture; an SME sees its own organization's registrations only.
 */
@RequestScoped
public class SeminarAccess {
    @Inject
    Actor actor;

    public Actor actor() {
        return actor;
    }

    /** Manages seminars hosted by {@code host} (SECRETARIAT or a prefecture code). */
    public boolean managesHost(String host) {
        if (actor.isAnonymous()) {
            return false;
        }
        if (SeminarRules.SECRETARIAT.equals(host)) {
            return actor.isSecretariat();
        }
        return actor.manages(host);
    }

    public boolean manages(Seminar s) {
        return managesHost(s.host);
    }

    public void requireManages(Seminar s) {
        if (!manages(s)) {
            throw ProblemException.forbidden(s.hostedBySecretariat()
                    ? "only the secretariat manages seminars it hosts"
                    : "only the association of prefecture " + s.host + " and the secretariat manage this seminar");
        }
    }

    public void requireManagesHost(String host) {
        if (!managesHost(host)) {
            throw ProblemException.forbidden("you may not host seminars as " + host
                    + (actor.isAssociation() ? "; your association hosts as " + actor.prefecture().orElse("(none)") : ""));
        }
    }

    /** A DRAFT is visible to those who manage it only; published, completed and cancelled seminars to everyone. */
    public boolean canSee(Seminar s) {
        return s.status != jp.telework.desk.seminar.domain.SeminarStatus.DRAFT || manages(s);
    }

    /** The calling SME's organization, or null for every other caller. */
    public String organization() {
        return actor.isSme() ? actor.organization().orElse(null) : null;
    }

    public boolean owns(Registration r) {
        String org = organization();
        return org != null && org.equals(r.organizationId);
    }

    /**
     * The owner, the host and the secretariat see a registration. Another association gets 403
     * (wrong prefecture); anyone else 404 (whether it exists is not their business).
     */
    public void requireSees(Seminar s, Registration r) {
        if (manages(s) || owns(r)) {
            return;
        }
        if (actor.isAssociation()) {
            requireManages(s);
        }
        throw ProblemException.notFound("registration " + r.id);
    }

    /** Join details: the host and the secretariat, and the owner of a confirmed online registration. */
    public boolean seesJoinDetails(Seminar s, Registration ownConfirmed) {
        if (manages(s)) {
            return true;
        }
        return ownConfirmed != null && owns(ownConfirmed) && ownConfirmed.participation == Participation.ONLINE
                && ownConfirmed.status.holdsSeats();
    }
}
