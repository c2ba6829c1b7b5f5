package jp.telework.desk.seminar.domain;

/** What the host records for a confirmed registration after the event has started. */
public enum Attendance {
    ATTENDED, NO_SHOW;

    public RegistrationStatus status() {
        return this == ATTENDED ? RegistrationStatus.ATTENDED : RegistrationStatus.NO_SHOW;
    }
}
