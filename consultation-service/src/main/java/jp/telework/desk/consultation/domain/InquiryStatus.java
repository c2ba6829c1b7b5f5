package jp.telework.desk.consultation.domain;

/** OPEN -> ANSWERED -> CLOSED, nothing else. */
public enum InquiryStatus {
    OPEN, ANSWERED, CLOSED;

    public boolean canBecome(InquiryStatus next) {
        return (this == OPEN && next == ANSWERED) || (this == ANSWERED && next == CLOSED);
    }
}
