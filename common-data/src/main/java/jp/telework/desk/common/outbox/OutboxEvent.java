package jp.telework.desk.common.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One event waiting to be (or already) published; see {@link Outbox} and {@link OutboxRelay}. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;
    @Column(nullable = false, unique = true)
    public UUID id;
    public String topic;
    @Column(name = "event_key")
    public String eventKey;
    public String type;
    public String subject;
    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;
    public String payload;
    @Column(name = "published_at")
    public OffsetDateTime publishedAt;
    public int attempts;
    @Column(name = "last_error")
    public String lastError;
}
