package jp.telework.desk.consultation.mapping;

import java.time.LocalDate;

import jp.telework.desk.consultation.domain.Mode;
import jp.telework.desk.common.vocabulary.Region;
import jp.telework.desk.consultation.domain.Topic;

/** Free-slot search criteria (null = any); dates are Asia/Tokyo local dates, both inclusive. */
public record SlotFilter(String prefecture, Region region, Mode mode, Topic topic, LocalDate from, LocalDate to, int page,
        int size) {
}
