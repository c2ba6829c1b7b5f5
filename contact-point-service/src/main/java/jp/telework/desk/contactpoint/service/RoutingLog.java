package jp.telework.desk.contactpoint.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import jp.telework.desk.common.vocabulary.Tokyo;
import jp.telework.desk.contactpoint.domain.Mode;
import jp.telework.desk.contactpoint.domain.NaviDialRouter;
import jp.telework.desk.contactpoint.domain.RoutingDecision;

/**
 * Writes each routing answer. In a transaction of its own: a call nobody could serve is answered 404, which rolls
 * back the routing transaction, and that call is exactly the unmet demand the secretariat wants to count.
 */
@ApplicationScoped
public class RoutingLog {
    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void served(String callerPrefecture, RoutingDecision.LocatedBy locatedBy, Mode mode, String chosen,
            NaviDialRouter.Reason reason, double distanceKm) {
        RoutingDecision d = base(callerPrefecture, locatedBy, mode);
        d.served = true;
        d.chosenCode = chosen;
        d.reason = reason;
        d.distanceKm = BigDecimal.valueOf(distanceKm).setScale(1, RoundingMode.HALF_UP);
        d.persist();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void unmet(String callerPrefecture, RoutingDecision.LocatedBy locatedBy, Mode mode) {
        base(callerPrefecture, locatedBy, mode).persist();
    }

    private RoutingDecision base(String callerPrefecture, RoutingDecision.LocatedBy locatedBy, Mode mode) {
        RoutingDecision d = new RoutingDecision();
        d.decidedAt = Tokyo.now(clock);
        d.callerPrefecture = callerPrefecture;
        d.locatedBy = locatedBy;
        d.mode = mode;
        return d;
    }
}
