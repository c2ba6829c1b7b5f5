package jp.telework.desk.contactpoint.mapping;

import java.time.LocalTime;

/** Something with a start, an end and a slot length, checked by {@link ValidWindow}. */
interface WindowShape {
    LocalTime startTime();

    LocalTime endTime();

    Integer slotMinutes();
}
