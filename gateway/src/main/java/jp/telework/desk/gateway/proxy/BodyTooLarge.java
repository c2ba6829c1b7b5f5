package jp.telework.desk.gateway.proxy;

/** The client streamed more than the configured body limit. */
final class BodyTooLarge extends RuntimeException {
    final long max;

    BodyTooLarge(long max) {
        super("request body above " + max + " bytes", null, false, false);
        this.max = max;
    }
}
