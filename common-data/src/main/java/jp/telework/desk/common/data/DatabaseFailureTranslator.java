package jp.telework.desk.common.data;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import jp.telework.desk.common.problem.FailureTranslator;
import jp.telework.desk.common.problem.ProblemException;
import jp.telework.desk.common.problem.ProblemType;

/** A request that failed because of the database answers 503 (busy or unavailable), never 500. */
@ApplicationScoped
public class DatabaseFailureTranslator implements FailureTranslator {
    private static final Logger LOG = Logger.getLogger(DatabaseFailureTranslator.class);

    @Override
    public Optional<ProblemException> translate(Throwable e) {
        if (DatabaseFailures.poolExhausted(e)) {
            // more requests at once than connections, and they waited too long for one: overload, not a fault
            LOG.warn("no database connection free within the acquisition timeout");
            return Optional.of(ProblemType.BUSY.problem("too many requests at once; try again shortly")
                    .withHeader("Retry-After", "1"));
        }
        if (DatabaseFailures.unavailable(e)) {
            LOG.warnf("database unavailable: %s", e.getClass().getName());
            return Optional.of(ProblemType.UNAVAILABLE.problem("a backing service is unavailable; try again shortly"));
        }
        return Optional.empty();
    }
}
