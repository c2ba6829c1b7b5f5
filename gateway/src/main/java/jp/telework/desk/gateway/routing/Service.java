package jp.telework.desk.gateway.routing;

import java.util.Optional;

/** The three upstream services, named as in configuration and in the overview. */
public enum Service {
    CONTACT_POINTS("contact-points", "contactPoints"),
    CONSULTATIONS("consultations", "consultations"),
    SEMINARS("seminars", "seminars");

    private final String slug;
    private final String jsonKey;

    Service(String slug, String jsonKey) {
        this.slug = slug;
        this.jsonKey = jsonKey;
    }

    /** As in URLs and configuration keys: {@code contact-points}. */
    public String slug() {
        return slug;
    }

    /** As in JSON answers: {@code contactPoints}. */
    public String jsonKey() {
        return jsonKey;
    }

    public static Optional<Service> bySlug(String slug) {
        for (Service s : values()) {
            if (s.slug.equals(slug)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
