package jp.telework.desk.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue of every event of the desk: CloudEvents {@code type}, topic and payload, once. The
 * version is part of the type: a breaking change to a payload is a new type, and consumers ignore
 * types they do not know.
 */
public final class EventTypes {
    public static final EventType<ContactPointChangedV1> CONTACT_POINT_CHANGED =
            new EventType<>("contact-point.changed.v1", Topics.CONTACT_POINTS, ContactPointChangedV1.class);
    public static final EventType<SlotV1> SLOT_OPENED = new EventType<>("slot.opened.v1", Topics.CONTACT_POINTS, SlotV1.class);
    public static final EventType<SlotV1> SLOT_CHANGED = new EventType<>("slot.changed.v1", Topics.CONTACT_POINTS, SlotV1.class);
    public static final EventType<SlotV1> SLOT_CLOSED = new EventType<>("slot.closed.v1", Topics.CONTACT_POINTS, SlotV1.class);

    public static final EventType<ConsultationEventV1> CONSULTATION_BOOKED = consultation("consultation.booked.v1");
    public static final EventType<ConsultationEventV1> CONSULTATION_RESCHEDULED = consultation("consultation.rescheduled.v1");
    public static final EventType<ConsultationEventV1> CONSULTATION_CANCELLED = consultation("consultation.cancelled.v1");
    public static final EventType<ConsultationEventV1> CONSULTATION_COMPLETED = consultation("consultation.completed.v1");
    public static final EventType<ConsultationEventV1> CONSULTATION_NO_SHOW = consultation("consultation.no-show.v1");
    public static final EventType<ConsultationEventV1> CONSULTATION_NEEDS_RESCHEDULE =
            consultation("consultation.needs-reschedule.v1");
    public static final EventType<InquiryEventV1> INQUIRY_SUBMITTED =
            new EventType<>("inquiry.submitted.v1", Topics.CONSULTATIONS, InquiryEventV1.class);
    public static final EventType<InquiryEventV1> INQUIRY_ANSWERED =
            new EventType<>("inquiry.answered.v1", Topics.CONSULTATIONS, InquiryEventV1.class);

    public static final EventType<SeminarEventV1> SEMINAR_PUBLISHED = seminar("seminar.published.v1");
    public static final EventType<SeminarEventV1> SEMINAR_UPDATED = seminar("seminar.updated.v1");
    public static final EventType<SeminarEventV1> SEMINAR_CANCELLED = seminar("seminar.cancelled.v1");
    public static final EventType<SeminarEventV1> SEMINAR_COMPLETED = seminar("seminar.completed.v1");
    public static final EventType<RegistrationEventV1> REGISTRATION_CONFIRMED = registration("seminar.registration-confirmed.v1");
    public static final EventType<RegistrationEventV1> REGISTRATION_WAITLISTED = registration("seminar.registration-waitlisted.v1");
    public static final EventType<RegistrationEventV1> REGISTRATION_PROMOTED = registration("seminar.registration-promoted.v1");
    public static final EventType<RegistrationEventV1> REGISTRATION_CANCELLED = registration("seminar.registration-cancelled.v1");
    public static final EventType<RegistrationEventV1> REGISTRATION_ATTENDED = registration("seminar.registration-attended.v1");

    private static final List<EventType<?>> ALL = List.of(CONTACT_POINT_CHANGED, SLOT_OPENED, SLOT_CHANGED, SLOT_CLOSED,
            CONSULTATION_BOOKED, CONSULTATION_RESCHEDULED, CONSULTATION_CANCELLED, CONSULTATION_COMPLETED, CONSULTATION_NO_SHOW,
            CONSULTATION_NEEDS_RESCHEDULE, INQUIRY_SUBMITTED, INQUIRY_ANSWERED,
            SEMINAR_PUBLISHED, SEMINAR_UPDATED, SEMINAR_CANCELLED, SEMINAR_COMPLETED,
            REGISTRATION_CONFIRMED, REGISTRATION_WAITLISTED, REGISTRATION_PROMOTED, REGISTRATION_CANCELLED, REGISTRATION_ATTENDED);
    private static final Map<String, EventType<?>> BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));

    private EventTypes() {
    }

    /** Every type of the catalogue, in declaration order. */
    public static List<EventType<?>> all() {
        return ALL;
    }

    /** The type a CloudEvents {@code type} attribute names, if the catalogue has it. */
    public static Optional<EventType<?>> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The types published on one topic. */
    public static List<EventType<?>> on(String topic) {
        return ALL.stream().filter(t -> t.topic().equals(topic)).toList();
    }

    private static EventType<ConsultationEventV1> consultation(String name) {
        return new EventType<>(name, Topics.CONSULTATIONS, ConsultationEventV1.class);
    }

    private static EventType<SeminarEventV1> seminar(String name) {
        return new EventType<>(name, Topics.SEMINARS, SeminarEventV1.class);
    }

    private static EventType<RegistrationEventV1> registration(String name) {
        return new EventType<>(name, Topics.SEMINARS, RegistrationEventV1.class);
    }
}
