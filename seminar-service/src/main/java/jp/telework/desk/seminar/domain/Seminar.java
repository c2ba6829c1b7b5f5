package jp.telework.desk.seminar.domain;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.Formula;
import org.hibernate.annotations.OptimisticLock;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A seminar, consultation meeting or experience event. Seats are kept per participation pool:
 * {@code inPersonCapacity} and {@code onlineCapacity} (an IN_PERSON seminar has no online seats,
 * an ONLINE one no in-person seats, a HYBRID one both). The confirmed-seat counters are recomputed
 * from the registrations under the row lock and guarded by CHECK constraints in the database.
 * They are excluded from the optimistic version, so registrations do not change the seminar's ETag.
 */
@Entity
@Table(name = "seminar")
public class Seminar extends PanacheEntityBase {
    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public SeminarKind kind;
    @Column(name = "title_ja")
    public String titleJa;
    @Column(name = "title_en")
    public String titleEn;
    @Column(name = "description_ja")
    public String descriptionJa;
    @Column(name = "description_en")
    public String descriptionEn;
    public String[] topics;
    @Enumerated(EnumType.STRING)
    public SeminarFormat format;
    @Column(name = "venue_prefecture")
    public String venuePrefecture;
    @Column(name = "venue_address")
    public String venueAddress;
    @Column(name = "venue_name")
    public String venueName;
    @Column(name = "online_url")
    public String onlineUrl;
    @Column(name = "online_meeting_id")
    public String onlineMeetingId;
    @Column(name = "online_passcode")
    public String onlinePasscode;
    /** Venue prefecture, else the host association's; null for a nationwide online seminar of the secretariat. */
    @Column(name = "area_prefecture")
    public String areaPrefecture;
    @Column(name = "starts_at")
    public OffsetDateTime startsAt;
    @Column(name = "ends_at")
    public OffsetDateTime endsAt;
    @Column(name = "registration_opens_at")
    public OffsetDateTime registrationOpensAt;
    @Column(name = "registration_closes_at")
    public OffsetDateTime registrationClosesAt;
    @Column(name = "in_person_capacity")
    public int inPersonCapacity;
    @Column(name = "online_capacity")
    public int onlineCapacity;
    @OptimisticLock(excluded = true)
    @Column(name = "in_person_confirmed_seats")
    public int inPersonConfirmedSeats;
    @OptimisticLock(excluded = true)
    @Column(name = "online_confirmed_seats")
    public int onlineConfirmedSeats;
    /**
     * Derived, never stored: waitlist places are added without the seminar row's exclusive lock
     * (see RegistrationService), so a stored counter could not be kept in step with them.
     */
    @Formula("(SELECT count(*) FROM registration w WHERE w.seminar_id = id AND w.status = 'WAITLISTED')")
    public int waitlistedCount;
    /** SECRETARIAT or the host association's prefecture code. */
    public String host;
    @Column(name = "campaign_tag")
    public String campaignTag;
    @Enumerated(EnumType.STRING)
    public SeminarStatus status;
    @Column(name = "cancel_reason")
    public String cancelReason;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Column(name = "published_at")
    public OffsetDateTime publishedAt;
    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;
    @Column(name = "completed_at")
    public OffsetDateTime completedAt;
    @Version
    public long version;

    public boolean hostedBySecretariat() {
        return SeminarRules.SECRETARIAT.equals(host);
    }

    /** The host association's prefecture, or null when the secretariat hosts. */
    public String hostPrefecture() {
        return hostedBySecretariat() ? null : host;
    }

    public int capacity(Participation p) {
        return p == Participation.IN_PERSON ? inPersonCapacity : onlineCapacity;
    }

    public int confirmedSeats(Participation p) {
        return p == Participation.IN_PERSON ? inPersonConfirmedSeats : onlineConfirmedSeats;
    }

    public int freeSeats(Participation p) {
        return capacity(p) - confirmedSeats(p);
    }

    public int totalCapacity() {
        return inPersonCapacity + onlineCapacity;
    }

    public int totalConfirmedSeats() {
        return inPersonConfirmedSeats + onlineConfirmedSeats;
    }

    public List<Participation> pools() {
        return Arrays.stream(Participation.values()).filter(format::offers).toList();
    }

    public List<Topic> topicList() {
        return Arrays.stream(topics).map(Topic::valueOf).toList();
    }

    public WaitlistRules.Window window(OffsetDateTime now) {
        return WaitlistRules.window(status, now.toInstant(), registrationOpensAt.toInstant(),
                registrationClosesAt.toInstant(), startsAt.toInstant());
    }
}
