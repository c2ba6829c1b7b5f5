package jp.telework.desk.common.deadletter;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One message a consumer could not apply (table {@code dead_letter}, migration V0_3); see {@link DeadLetters}. */
@Entity
@Table(name = "dead_letter")
public class DeadLetter extends PanacheEntityBase {
    @Id
    public UUID id;
    public String consumer;
    public String topic;
    @Column(name = "kafka_partition")
    public int partition;
    @Column(name = "kafka_offset")
    public long offset;
    @Column(name = "event_key")
    public String key;
    @Column(name = "event_id")
    public String eventId;
    @Column(name = "event_type")
    public String eventType;
    @Column(name = "event_source")
    public String eventSource;
    @Column(name = "event_subject")
    public String eventSubject;
    @Column(name = "event_time")
    public OffsetDateTime eventTime;
    public String payload;
    @Column(name = "payload_size")
    public int payloadSize;
    @Column(name = "payload_sha256")
    public String payloadSha256;
    public String reason;
    public boolean poison;
    @Column(name = "dead_at")
    public OffsetDateTime deadAt;
    @Enumerated(EnumType.STRING)
    public DeadLetterStatus status;
    @Column(name = "replay_attempts")
    public int replayAttempts;
    @Column(name = "last_replay_error")
    public String lastReplayError;
    public String outcome;
    @Column(name = "resolved_at")
    public OffsetDateTime resolvedAt;
    @Column(name = "resolved_by")
    public String resolvedBy;
    @Column(name = "discard_reason")
    public String discardReason;

    /** A replay or a discard: the data is no longer needed, and it may hold what nobody should keep. */
    void resolve(DeadLetterStatus to, String operator, OffsetDateTime at) {
        status = to;
        resolvedBy = operator;
        resolvedAt = at;
        payload = null;
    }
}
