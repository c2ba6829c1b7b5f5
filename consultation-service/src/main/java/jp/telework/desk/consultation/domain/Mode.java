package jp.telework.desk.consultation.domain;

/** How a consultation is held. IN_PERSON is reservation-based and not offered in some areas. */
public enum Mode {
    IN_PERSON, PHONE, ONLINE
}
