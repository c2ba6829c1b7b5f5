package jp.telework.desk.common.inbox;

import java.time.ZonedDateTime;

/** The CloudEvents attributes of the event being applied. */
public record EventContext(String id, String type, String subject, String source, ZonedDateTime time) {
}
