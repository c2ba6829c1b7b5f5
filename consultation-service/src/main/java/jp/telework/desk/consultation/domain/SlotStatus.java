package jp.telework.desk.consultation.domain;

/** As announced by contact-point-service (SlotV1.status). */
public enum SlotStatus {
    OPEN, CLOSED
}
