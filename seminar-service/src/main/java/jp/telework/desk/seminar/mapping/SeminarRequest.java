package jp.telework.desk.seminar.mapping;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.telework.desk.seminar.domain.SeminarFormat;
import jp.telework.desk.seminar.domain.SeminarKind;
import jp.telework.desk.seminar.domain.Topic;
import jp.telework.desk.common.vocabulary.PrefectureCode;
import jp.telework.desk.common.vocabulary.Prefectures;

/** A seminar as the host writes it (create and full update). Times with an offset; shown back in +09:00. */
@Schema(name = "SeminarRequest", description = "Create or replace a seminar, consultation meeting or experience event")
public record SeminarRequest(
        @NotNull @Schema(example = "SEMINAR") SeminarKind kind,
        @NotBlank @Size(max = 200) @Schema(example = "テレワーク導入セミナー（労務管理編）") String titleJa,
        @Size(max = 200) @Schema(example = "Introducing telework: labor management") String titleEn,
        @Size(max = 4000) @Schema(example = "社会保険労務士がテレワーク時の労務管理を解説します。") String descriptionJa,
        @Size(max = 4000) @Schema(example = "Labor and social security attorneys explain working-time management for teleworkers.") String descriptionEn,
        @NotEmpty @Size(max = 6) List<@NotNull Topic> topics,
        @NotNull @Schema(example = "HYBRID") SeminarFormat format,
        @Valid Venue venue,
        @Valid OnlineJoin onlineJoin,
        @NotNull @Schema(example = "2026-11-10T14:00:00+09:00") OffsetDateTime startsAt,
        @NotNull @Schema(example = "2026-11-10T16:00:00+09:00") OffsetDateTime endsAt,
        @NotNull @Schema(example = "2026-10-01T09:00:00+09:00") OffsetDateTime registrationOpensAt,
        @NotNull @Schema(example = "2026-11-09T17:00:00+09:00") OffsetDateTime registrationClosesAt,
        @NotNull @Min(1) @Max(10000) @Schema(example = "40", description = "Seats at the venue (IN_PERSON, HYBRID) or online seats (ONLINE)") Integer capacity,
        @Min(1) @Max(10000) @Schema(example = "100", description = "Online seats of a HYBRID seminar (required for HYBRID only)") Integer onlineCapacity,
        @Pattern(regexp = "SECRETARIAT|" + Prefectures.CODE_PATTERN, message = "must be SECRETARIAT or a prefecture code 01..47")
        @Schema(example = "13", description = "SECRETARIAT or the host association's prefecture; defaults to the caller's") String host,
        @Pattern(regexp = "[A-Z][A-Z0-9_]{0,39}", message = "must be UPPER_SNAKE_CASE, at most 40 characters")
        @Schema(example = "TELEWORK_MONTH") String campaignTag) {

    @Schema(name = "Venue")
    public record Venue(
            @PrefectureCode @Schema(example = "13") String prefecture,
            @Size(max = 200) @Schema(example = "東京都社会保険労務士会 会議室") String name,
            @Size(max = 300) @Schema(example = "東京都千代田区神田駿河台4-6") String address) {
    }

    @Schema(name = "OnlineJoin", description = "Shown only to confirmed online registrants and the host")
    public record OnlineJoin(
            @NotBlank @Size(max = 500) @Pattern(regexp = "https://\\S+", message = "must be an https URL")
            @Schema(example = "https://meet.example.jp/j/123456") String url,
            @Size(max = 100) @Schema(example = "123 456 789") String meetingId,
            @Size(max = 100) @Schema(example = "telework") String passcode) {
    }
}
