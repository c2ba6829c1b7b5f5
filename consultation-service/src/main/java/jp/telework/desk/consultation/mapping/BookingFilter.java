package jp.telework.desk.consultation.mapping;

import java.time.LocalDate;

import jp.telework.desk.consultation.domain.BookingChannel;
import jp.telework.desk.consultation.domain.BookingStatus;
import jp.telework.desk.consultation.domain.Mode;
import jp.telework.desk.consultation.domain.Topic;

/** Booking list criteria (null = any) on top of what the caller may see; dates filter the slot date. */
public record BookingFilter(BookingStatus status, BookingChannel channel, String prefecture, Mode mode, Topic topic, LocalDate from, LocalDate to,
        int page, int size) {
}
