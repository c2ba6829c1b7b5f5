package jp.telework.desk.seminar.domain;

/** What kind of event: a seminar, an experts' consultation meeting, or a hands-on experience event (e.g. a satellite-office trial). */
public enum SeminarKind {
    SEMINAR, CONSULTATION_MEETING, EXPERIENCE_EVENT
}
