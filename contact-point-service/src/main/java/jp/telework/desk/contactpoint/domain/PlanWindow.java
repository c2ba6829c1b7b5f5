package jp.telework.desk.contactpoint.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One weekly window of a plan: on this weekday, from start to end, slots of this length, capacity and mode. */
@Entity
@Table(name = "plan_window")
public class PlanWindow extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "contact_point_code")
    public String contactPointCode;
    /** ISO day of week, 1 = Monday. */
    public short weekday;
    @Column(name = "start_time")
    public LocalTime startTime;
    @Column(name = "end_time")
    public LocalTime endTime;
    @Column(name = "slot_minutes")
    public int slotMinutes;
    public int capacity;
    @Enumerated(EnumType.STRING)
    public Mode mode;

    public DayOfWeek dayOfWeek() {
        return DayOfWeek.of(weekday);
    }

    public SlotPlanner.Window toWindow() {
        return new SlotPlanner.Window(dayOfWeek(), startTime, endTime, slotMinutes, capacity, mode);
    }

    public static List<PlanWindow> of(String code) {
        return list("contactPointCode = ?1 order by weekday, mode, startTime", code);
    }
}
