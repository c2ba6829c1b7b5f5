package jp.telework.desk.contactpoint.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import jp.telework.desk.common.problem.ProblemException;
import jp.telework.desk.common.security.Actor;
import jp.telework.desk.contactpoint.domain.ContactPoint;
import jp.telework.desk.contactpoint.domain.Mode;
import jp.telework.desk.common.vocabulary.Region;
import jp.telework.desk.contactpoint.event.ContactPointEvents;
import jp.telework.desk.contactpoint.mapping.ContactPointUpdate;
import java.time.Clock;
import jp.telework.desk.common.vocabulary.Tokyo;
import jp.telework.desk.common.rest.Precondition;

@ApplicationScoped
public class ContactPointService {
    @Inject
    Clock clock;
    @Inject
    ContactPointEvents events;
    @Inject
    Actor actor;
    @Inject
    SlotMaterializer materializer;

    @Transactional
    public List<ContactPoint> list(Region region, Mode mode) {
        return ContactPoint.<ContactPoint>listAll(Sort.by("code")).stream()
                .filter(cp -> region == null || cp.region == region)
                .filter(cp -> mode == null || cp.offers(mode))
                .toList();
    }

    @Transactional
    public ContactPoint get(String code) {
        ContactPoint cp = ContactPoint.findById(code);
        if (cp == null) {
            throw ProblemException.notFound("contact point " + code);
        }
        return cp;
    }

    /**
     * Updates the operational fields. The row lock makes the version check and the write one atomic step.
     */
    @Transactional
    public ContactPoint update(String code, Precondition expected, ContactPointUpdate update) {
        actor.requireManages(code);
        ContactPoint cp = ContactPoint.findById(code, LockModeType.PESSIMISTIC_WRITE);
        if (cp == null) {
            throw ProblemException.notFound("contact point " + code);
        }
        expected.check(cp.version, "contact point " + code);
        cp.modes = update.modes().stream().distinct().map(Mode::name).toArray(String[]::new);
        cp.languages = update.languages().stream().distinct().toArray(String[]::new);
        cp.active = update.active();
        cp.openOnHolidays = update.openOnHolidays();
        cp.phone = update.phone();
        cp.note = update.note();
        cp.updatedAt = Tokyo.now(clock);
        ContactPoint.getEntityManager().flush(); // bumps @Version before the event is written
        events.changed(cp);
        // modes, active and openOnHolidays shape the slots: bring them in line in the same transaction
        materializer.materialize(code);
        return cp;
    }
}
