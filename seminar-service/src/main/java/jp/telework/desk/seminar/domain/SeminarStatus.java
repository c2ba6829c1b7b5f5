package jp.telework.desk.seminar.domain;

/** DRAFT -> PUBLISHED -> COMPLETED | CANCELLED (a draft may also be cancelled). */
public enum SeminarStatus {
    DRAFT, PUBLISHED, COMPLETED, CANCELLED;

    public boolean canMoveTo(SeminarStatus next) {
        return switch (this) {
            case DRAFT -> next == PUBLISHED || next == CANCELLED;
            case PUBLISHED -> next == COMPLETED || next == CANCELLED;
            case COMPLETED, CANCELLED -> false;
        };
    }

    public boolean isFinal() {
        return this == COMPLETED || this == CANCELLED;
    }
}
