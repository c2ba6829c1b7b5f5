package jp.telework.desk.bench;

/** A benchmark cannot go on (missing tool, a part that did not start, a broken invariant). */
final class BenchException extends RuntimeException {
    BenchException(String message) {
        super(message);
    }

    BenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
