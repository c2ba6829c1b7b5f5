package jp.telework.desk.events;

import java.util.List;

/** The three event topics and their dead-letter topics. */
public final class Topics {
    public static final String CONTACT_POINTS = "contact-points.events";
    public static final String CONSULTATIONS = "consultations.events";
    public static final String SEMINARS = "seminars.events";

    private Topics() {
    }

    public static String dlq(String topic) {
        return topic + ".dlq";
    }

    public static List<String> all() {
        return List.of(CONTACT_POINTS, dlq(CONTACT_POINTS), CONSULTATIONS, dlq(CONSULTATIONS), SEMINARS, dlq(SEMINARS));
    }
}
