package jp.telework.desk.consultation.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import jp.telework.desk.common.security.Actor;
import jp.telework.desk.consultation.domain.Booking;
import jp.telework.desk.consultation.domain.Inquiry;

/**
 * What the caller may see: an SME its organization's bookings and inquiries, an association those
 * of its prefecture, the secretariat everything. Whatever is not visible answers 404, so its
 * existence does not leak.
 */
@RequestScoped
public class Viewer {
    @Inject
    Actor actor;

    /** The restriction to apply to lists: null fields mean "no restriction on that column". */
    public record Scope(boolean all, boolean nothing, String organization, String prefecture) {
    }

    public Scope scope() {
        if (actor.isSecretariat()) {
            return new Scope(true, false, null, null);
        }
        if (actor.isAssociation() && actor.prefecture().isPresent()) {
            return new Scope(false, false, null, actor.prefecture().get());
        }
        if (actor.isSme() && actor.organization().isPresent()) {
            return new Scope(false, false, actor.organization().get(), null);
        }
        return new Scope(false, true, null, null);
    }

    public boolean canSee(Booking b) {
        return isOwner(b.organizationId) || actor.manages(b.contactPointCode);
    }

    public boolean canSee(Inquiry i) {
        return isOwner(i.organizationId) || actor.manages(i.prefecture);
    }

    /** The caller is an SME of this organization. */
    public boolean isOwner(String organizationId) {
        return organizationId != null && actor.isSme() && actor.organization().map(organizationId::equals).orElse(false);
    }
}
