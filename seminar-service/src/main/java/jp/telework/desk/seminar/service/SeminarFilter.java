package jp.telework.desk.seminar.service;

import java.time.LocalDate;

import jp.telework.desk.common.vocabulary.Region;
import jp.telework.desk.seminar.domain.SeminarFormat;
import jp.telework.desk.seminar.domain.SeminarKind;
import jp.telework.desk.seminar.domain.SeminarStatus;
import jp.telework.desk.seminar.domain.Topic;

/** Filters of the seminar listing and the calendar feed; null means "any". Dates are Asia/Tokyo, both inclusive. */
public record SeminarFilter(SeminarStatus status, Region region, String prefecture, SeminarKind kind, Topic topic,
        SeminarFormat format, LocalDate from, LocalDate to, Boolean hasSeats, String campaignTag, String host,
        Boolean hostInactive) {

    /** The calendar feed's filters; which statuses it shows is {@code SeminarService.calendarFeed}'s rule. */
    public static SeminarFilter calendar(Region region, String prefecture, SeminarKind kind, Topic topic) {
        return new SeminarFilter(null, region, prefecture, kind, topic, null, null, null, null, null, null, null);
    }

    public SeminarFilter withHost(String newHost) {
        return new SeminarFilter(status, region, prefecture, kind, topic, format, from, to, hasSeats, campaignTag, newHost,
                hostInactive);
    }
}
