package jp.telework.desk.common.problem;

import java.util.Optional;

/**
 * Turns an unexpected failure that is known to be transient (a backing service down or overloaded)
 * into a retryable answer instead of a 500. Modules that own such a backing service provide a bean
 * (common-data does for the database); the web edge knows none of them.
 */
public interface FailureTranslator {
    Optional<ProblemException> translate(Throwable failure);
}
