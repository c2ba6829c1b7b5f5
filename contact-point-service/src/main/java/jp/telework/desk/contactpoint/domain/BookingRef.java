package jp.telework.desk.contactpoint.domain;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Which slot a booking (of consultation-service) holds and in which state; no personal data. */
@Entity
@Table(name = "booking_ref")
public class BookingRef extends PanacheEntityBase {
    /** States in which a booking occupies its slot's capacity. */
    // NEEDS_RESCHEDULE gives the place up: consultation-service, which owns bookings, no longer counts it in the slot
    public static final Set<String> HOLDS_SEAT = Set.of("BOOKED", "COMPLETED", "NO_SHOW");

    @Id
    @Column(name = "booking_id")
    public UUID bookingId;
    @Column(name = "slot_id")
    public UUID slotId;
    public String status;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public boolean holdsSeat() {
        return HOLDS_SEAT.contains(status);
    }
}
