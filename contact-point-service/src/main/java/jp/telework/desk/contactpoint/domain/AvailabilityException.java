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

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A dated deviation from the weekly plan: a closed or opened day, an extra window, a changed capacity. */
@Entity
@Table(name = "availability_exception")
public class AvailabilityException extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "contact_point_code")
    public String contactPointCode;
    public LocalDate day;
    @Enumerated(EnumType.STRING)
    public ExceptionKind kind;
    @Column(name = "start_time")
    public LocalTime startTime;
    @Column(name = "end_time")
    public LocalTime endTime;
    @Column(name = "slot_minutes")
    public Integer slotMinutes;
    public Integer capacity;
    @Enumerated(EnumType.STRING)
    public Mode mode;
    public String reason;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    public SlotPlanner.DayException toDayException() {
        return new SlotPlanner.DayException(day, kind, startTime, endTime, slotMinutes, capacity, mode);
    }
}
