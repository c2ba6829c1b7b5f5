package jp.telework.desk.seminar.domain;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jp.telework.desk.common.problem.Problem.FieldError;
import jp.telework.desk.common.vocabulary.Prefectures;

/**
 * Cross-field rules of a seminar's schedule, seats and place that bean validation cannot express.
 * Returns every violation with the JSON field it concerns, so the client sees all at once.
 */
public final class SeminarRules {
    public static final String SECRETARIAT = "SECRETARIAT";

    private SeminarRules() {
    }

    /** The facts to check, as the client sent them (null where absent). */
    public record Draft(SeminarFormat format, OffsetDateTime startsAt, OffsetDateTime endsAt,
            OffsetDateTime registrationOpensAt, OffsetDateTime registrationClosesAt,
            Integer capacity, Integer onlineCapacity, String venuePrefecture, String venueAddress,
            String host, boolean hasOnlineJoinUrl) {
    }

    public static List<FieldError> check(Draft d, OffsetDateTime now, Duration maxDuration) {
        List<FieldError> errors = new ArrayList<>();
        if (d.startsAt() != null && d.endsAt() != null) {
            if (!d.endsAt().isAfter(d.startsAt())) {
                errors.add(new FieldError("endsAt", "must be after startsAt"));
            } else if (Duration.between(d.startsAt(), d.endsAt()).compareTo(maxDuration) > 0) {
                errors.add(new FieldError("endsAt", "the event may last at most " + maxDuration.toDays() + " days"));
            }
        }
        if (d.startsAt() != null && !d.startsAt().isAfter(now)) {
            errors.add(new FieldError("startsAt", "must be in the future"));
        }
        if (d.registrationOpensAt() != null && d.registrationClosesAt() != null
                && !d.registrationClosesAt().isAfter(d.registrationOpensAt())) {
            errors.add(new FieldError("registrationClosesAt", "must be after registrationOpensAt"));
        }
        if (d.registrationClosesAt() != null && d.startsAt() != null && d.registrationClosesAt().isAfter(d.startsAt())) {
            errors.add(new FieldError("registrationClosesAt", "registration must close no later than startsAt"));
        }
        if (d.registrationOpensAt() != null && d.startsAt() != null && !d.registrationOpensAt().isBefore(d.startsAt())) {
            errors.add(new FieldError("registrationOpensAt", "registration must open before startsAt"));
        }
        if (d.format() != null) {
            if (d.format() == SeminarFormat.HYBRID) {
                if (d.onlineCapacity() == null) {
                    errors.add(new FieldError("onlineCapacity", "is required for a HYBRID seminar"));
                }
            } else if (d.onlineCapacity() != null) {
                errors.add(new FieldError("onlineCapacity", "is only for HYBRID seminars; capacity counts the seats of "
                        + d.format()));
            }
            if (d.format().hasVenue()) {
                if (d.venuePrefecture() == null) {
                    errors.add(new FieldError("venue.prefecture", "is required for " + d.format() + " seminars"));
                }
                if (d.venueAddress() == null || d.venueAddress().isBlank()) {
                    errors.add(new FieldError("venue.address", "is required for " + d.format() + " seminars"));
                }
            }
            if (!d.format().isOnline() && d.hasOnlineJoinUrl()) {
                errors.add(new FieldError("onlineJoin", "an IN_PERSON seminar has no online join details"));
            }
        }
        if (d.venuePrefecture() != null && !Prefectures.isCode(d.venuePrefecture())) {
            errors.add(new FieldError("venue.prefecture", "unknown prefecture code (01..47)"));
        }
        if (d.host() != null && !SECRETARIAT.equals(d.host()) && !Prefectures.isCode(d.host())) {
            errors.add(new FieldError("host", "must be SECRETARIAT or a prefecture code 01..47"));
        }
        return errors;
    }

    /** The prefecture a seminar belongs to for region filters: its venue, else its host association; null when nationwide. */
    public static String areaPrefecture(String venuePrefecture, String host) {
        if (venuePrefecture != null) {
            return venuePrefecture;
        }
        return SECRETARIAT.equals(host) ? null : host;
    }
}
