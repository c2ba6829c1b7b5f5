package jp.telework.desk.common.deadletter;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.telework.desk.events.EventTypes;

/**
 * A dead letter as the desk shows it. The data is shown only while the letter waits and only when it reads
 * as the payload of one of our contract types (event-contracts' records carry no personal data), and then
 * as that record, so a field the contract does not have is never shown; otherwise only its size and hash.
 */
@Schema(name = "DeadLetter", description = "A message a consumer could not apply, with why, where it came from and what became of it")
public record DeadLetterView(
        UUID id,
        @Schema(description = "The consumer that refused it (its inbox name)", example = "consultation-service.contact-points") String consumer,
        @Schema(example = "contact-points.events") String topic,
        @Schema(description = "-1 when the message came from no Kafka record") int partition,
        @Schema(description = "-1 when the message came from no Kafka record") long offset,
        @Schema(description = "The record key (the aggregate id)", nullable = true) String key,
        @Schema(description = "CloudEvents id; null when the message was not a CloudEvent", nullable = true) String eventId,
        @Schema(description = "CloudEvents type", nullable = true, example = "contact-point.slot-opened.v1") String eventType,
        @Schema(nullable = true) String eventSource,
        @Schema(nullable = true) String eventSubject,
        @Schema(nullable = true) OffsetDateTime eventTime,
        @Schema(description = "Why the consumer refused it") String reason,
        @Schema(description = "True when the data was unreadable or refused as invalid (dead-lettered at once); false after failed attempts")
        boolean poison,
        OffsetDateTime deadAt,
        DeadLetterStatus status,
        @Schema(description = "The data, as the contract type's payload; null when withheld or once resolved", nullable = true)
        java.util.Map<String, Object> payload,
        @Schema(description = "Why the data is not shown, when it is not", nullable = true) String payloadWithheld,
        @Schema(description = "Bytes (UTF-8) of the data as received") int payloadSize,
        @Schema(description = "SHA-256 (hex) of the data as received", nullable = true) String payloadSha256,
        int replayAttempts,
        @Schema(description = "Why the last replay failed", nullable = true) String lastReplayError,
        @Schema(description = "APPLIED, or ALREADY_APPLIED when the event had been applied meanwhile (nothing changed)", nullable = true)
        String outcome,
        @Schema(nullable = true) OffsetDateTime resolvedAt,
        @Schema(description = "Who replayed or discarded it (token subject)", nullable = true) String resolvedBy,
        @Schema(nullable = true) String discardReason) {

    public static DeadLetterView of(DeadLetter d, ObjectMapper json) {
        java.util.Map<String, Object> payload = null;
        String withheld = null;
        if (d.payload == null) {
            withheld = d.status == DeadLetterStatus.WAITING ? "the message had no data" : "erased when the letter was resolved";
        } else {
            var type = d.eventType == null ? null : EventTypes.named(d.eventType).orElse(null);
            if (type == null) {
                withheld = "not one of the event contract's types, so it may hold anything";
            } else {
                try {
                    Object record = json.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                            .forType(type.payloadType()).readValue(d.payload);
                    payload = record == null ? null : json.convertValue(record, new TypeReference<java.util.Map<String, Object>>() { });
                    if (payload == null) {
                        withheld = "the data is JSON null";
                    }
                } catch (Exception e) {
                    withheld = "it does not read as a " + type.payloadType().getSimpleName() + ", so it may hold anything";
                }
            }
        }
        return new DeadLetterView(d.id, d.consumer, d.topic, d.partition, d.offset, d.key, d.eventId, d.eventType,
                d.eventSource, d.eventSubject, d.eventTime, d.reason, d.poison, d.deadAt, d.status, payload, withheld,
                d.payloadSize, d.payloadSha256, d.replayAttempts, d.lastReplayError, d.outcome, d.resolvedAt, d.resolvedBy,
                d.discardReason);
    }
}
