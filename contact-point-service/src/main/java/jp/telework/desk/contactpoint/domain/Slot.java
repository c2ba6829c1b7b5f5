package jp.telework.desk.contactpoint.domain;

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

import org.hibernate.annotations.DynamicUpdate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A concrete consultation slot (Asia/Tokyo local date and times). {@code booked} is maintained from
 * booking events with atomic SQL updates only; dynamic updates keep entity writes from overwriting it.
 */
@Entity
@Table(name = "slot")
@DynamicUpdate
public class Slot extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "contact_point_code")
    public String contactPointCode;
    @Column(name = "date")
    public LocalDate date;
    @Column(name = "start_time")
    public LocalTime startTime;
    @Column(name = "end_time")
    public LocalTime endTime;
    @Enumerated(EnumType.STRING)
    public Mode mode;
    public int capacity;
    public String status;
    @Column(updatable = false)
    public int booked;
    public long revision;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public SlotReconciler.Existing toExisting() {
        return new SlotReconciler.Existing(id, date, startTime, endTime, mode, capacity, status, booked);
    }
}
