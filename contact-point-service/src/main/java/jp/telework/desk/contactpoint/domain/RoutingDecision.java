package jp.telework.desk.contactpoint.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One Navi Dial routing answer (served or not), without personal data. */
@Entity
@Table(name = "routing_decision")
public class RoutingDecision extends PanacheEntityBase {
    /** How the caller was located. */
    public enum LocatedBy {
        PREFECTURE, POINT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
    /** The caller's prefecture, or for a caller located by coordinates the prefecture of the nearest office. */
    @Column(name = "caller_prefecture")
    public String callerPrefecture;
    @Enumerated(EnumType.STRING)
    @Column(name = "located_by")
    public LocatedBy locatedBy;
    @Enumerated(EnumType.STRING)
    public Mode mode;
    public boolean served;
    @Column(name = "chosen_code")
    public String chosenCode;
    @Enumerated(EnumType.STRING)
    public NaviDialRouter.Reason reason;
    @Column(name = "distance_km")
    public BigDecimal distanceKm;
}
