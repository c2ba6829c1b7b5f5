package jp.telework.desk.gateway.routing;

/** Route groups with their own rate limit (configured under {@code telework.rate-limits.<group>}). */
public enum RateGroup {
    PUBLIC_READ("public-read"),
    INQUIRY_SUBMIT("inquiry-submit"),
    API("api"),
    STATISTICS("statistics");

    private final String key;

    RateGroup(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
