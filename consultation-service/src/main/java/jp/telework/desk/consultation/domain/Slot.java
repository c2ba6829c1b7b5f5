package jp.telework.desk.consultation.domain;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jp.telework.desk.common.vocabulary.Tokyo;

/**
 * A consultation slot as contact-point-service last announced it (projection). Its row is the lock
 * that serializes every decision about its places: booking, rescheduling in, shrinking.
 */
@Entity
@Table(name = "slot")
public class Slot extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "contact_point_code")
    public String contactPointCode;
    @Column(name = "slot_date")
    public LocalDate date;
    @Column(name = "start_time")
    public LocalTime startTime;
    @Column(name = "end_time")
    public LocalTime endTime;
    @Enumerated(EnumType.STRING)
    public Mode mode;
    public int capacity;
    @Enumerated(EnumType.STRING)
    public SlotStatus status;
    public long revision;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** The start as an instant with the +09:00 offset. */
    public OffsetDateTime startsAt() {
        return OffsetDateTime.of(date, startTime, Tokyo.OFFSET);
    }

    public OffsetDateTime endsAt() {
        return OffsetDateTime.of(date, endTime, Tokyo.OFFSET);
    }

    public boolean isOpen() {
        return status == SlotStatus.OPEN;
    }
}
