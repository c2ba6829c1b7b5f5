package jp.telework.desk.events;

/**
 * CloudEvents {@code type} values. The version is part of the type: a breaking change to a payload
 * is a new type, and consumers ignore types they do not know.
 */
public final class EventTypes {
    public static final String CONTACT_POINT_CHANGED = "contact-point.changed.v1";
    public static final String SLOT_OPENED = "slot.opened.v1";
    public static final String SLOT_CHANGED = "slot.changed.v1";
    public static final String SLOT_CLOSED = "slot.closed.v1";

    public static final String CONSULTATION_BOOKED = "consultation.booked.v1";
    public static final String CONSULTATION_RESCHEDULED = "consultation.rescheduled.v1";
    public static final String CONSULTATION_CANCELLED = "consultation.cancelled.v1";
    public static final String CONSULTATION_COMPLETED = "consultation.completed.v1";
    public static final String CONSULTATION_NO_SHOW = "consultation.no-show.v1";
    public static final String CONSULTATION_NEEDS_RESCHEDULE = "consultation.needs-reschedule.v1";
    public static final String INQUIRY_SUBMITTED = "inquiry.submitted.v1";
    public static final String INQUIRY_ANSWERED = "inquiry.answered.v1";

    public static final String SEMINAR_PUBLISHED = "seminar.published.v1";
    public static final String SEMINAR_UPDATED = "seminar.updated.v1";
    public static final String SEMINAR_CANCELLED = "seminar.cancelled.v1";
    public static final String SEMINAR_COMPLETED = "seminar.completed.v1";
    public static final String REGISTRATION_CONFIRMED = "seminar.registration-confirmed.v1";
    public static final String REGISTRATION_WAITLISTED = "seminar.registration-waitlisted.v1";
    public static final String REGISTRATION_PROMOTED = "seminar.registration-promoted.v1";
    public static final String REGISTRATION_CANCELLED = "seminar.registration-cancelled.v1";
    public static final String REGISTRATION_ATTENDED = "seminar.registration-attended.v1";

    private EventTypes() {
    }
}
