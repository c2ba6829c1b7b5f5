package jp.telework.desk.seminar.mapping;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.telework.desk.common.vocabulary.Prefectures;
import jp.telework.desk.common.vocabulary.Region;
import jp.telework.desk.seminar.domain.Seminar;
import jp.telework.desk.seminar.domain.SeminarFormat;
import jp.telework.desk.seminar.domain.SeminarKind;
import jp.telework.desk.seminar.domain.SeminarStatus;
import jp.telework.desk.seminar.domain.Topic;
import jp.telework.desk.common.vocabulary.Prefecture;
import jp.telework.desk.common.vocabulary.Tokyo;

@Schema(name = "Seminar", description = "A seminar, consultation meeting or experience event; times in Asia/Tokyo (+09:00)")
public record SeminarView(
        UUID id,
        SeminarKind kind,
        String titleJa,
        String titleEn,
        String descriptionJa,
        String descriptionEn,
        List<Topic> topics,
        SeminarFormat format,
        VenueView venue,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Present only for confirmed online registrants, the host and the secretariat") SeminarRequest.OnlineJoin onlineJoin,
        @Schema(example = "2026-11-10T14:00:00+09:00") OffsetDateTime startsAt,
        @Schema(example = "2026-11-10T16:00:00+09:00") OffsetDateTime endsAt,
        OffsetDateTime registrationOpensAt,
        OffsetDateTime registrationClosesAt,
        @Schema(description = "Seats at the venue, or online seats of an ONLINE seminar", example = "40") int capacity,
        @Schema(description = "Online seats of a HYBRID seminar", example = "100") Integer onlineCapacity,
        @Schema(description = "Free seats in the capacity pool", example = "12") int seatsAvailable,
        @Schema(description = "Free online seats of a HYBRID seminar") Integer onlineSeatsAvailable,
        @Schema(description = "Registrations waiting for a seat", example = "3") int waitlistLength,
        @Schema(description = "Registration is open right now") boolean registrationOpen,
        @Schema(example = "13", description = "SECRETARIAT or the host association's prefecture code") String host,
        @Schema(description = "The host association is known to be inactive (from contact-points.events)") boolean hostInactive,
        @Schema(description = "Region of the venue, else of the host; null for nationwide online seminars") Region region,
        @Schema(example = "TELEWORK_MONTH") String campaignTag,
        SeminarStatus status,
        String cancelReason,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        OffsetDateTime publishedAt) {

    public static OffsetDateTime tokyo(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(Tokyo.ZONE).toOffsetDateTime();
    }

    public static SeminarView of(Seminar s, boolean showJoin, boolean hostInactive, OffsetDateTime now) {
        boolean hybrid = s.format == SeminarFormat.HYBRID;
        int capacity = s.format == SeminarFormat.ONLINE ? s.onlineCapacity : s.inPersonCapacity;
        int free = s.format == SeminarFormat.ONLINE ? s.onlineCapacity - s.onlineConfirmedSeats
                : s.inPersonCapacity - s.inPersonConfirmedSeats;
        VenueView venue = s.venuePrefecture == null && s.venueAddress == null ? null
                : new VenueView(s.venuePrefecture,
                        Prefectures.byCode(s.venuePrefecture).map(Prefecture::nameJa).orElse(null),
                        Prefectures.byCode(s.venuePrefecture).map(Prefecture::nameEn).orElse(null),
                        Prefectures.byCode(s.venuePrefecture).map(Prefecture::region).orElse(null), s.venueName, s.venueAddress);
        SeminarRequest.OnlineJoin join = showJoin && s.onlineUrl != null
                ? new SeminarRequest.OnlineJoin(s.onlineUrl, s.onlineMeetingId, s.onlinePasscode) : null;
        return new SeminarView(s.id, s.kind, s.titleJa, s.titleEn, s.descriptionJa, s.descriptionEn, s.topicList(), s.format,
                venue, join, tokyo(s.startsAt), tokyo(s.endsAt), tokyo(s.registrationOpensAt), tokyo(s.registrationClosesAt),
                capacity, hybrid ? s.onlineCapacity : null, Math.max(0, free),
                hybrid ? Math.max(0, s.onlineCapacity - s.onlineConfirmedSeats) : null, s.waitlistedCount,
                s.window(now) == jp.telework.desk.seminar.domain.WaitlistRules.Window.OPEN,
                s.host, hostInactive, Prefectures.byCode(s.areaPrefecture).map(Prefecture::region).orElse(null), s.campaignTag, s.status,
                s.cancelReason, s.version, tokyo(s.createdAt), tokyo(s.updatedAt), tokyo(s.publishedAt));
    }
}
