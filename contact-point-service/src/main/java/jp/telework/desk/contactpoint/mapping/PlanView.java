package jp.telework.desk.contactpoint.mapping;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Plan", description = "A contact point's weekly plan. Holidays and Dec 29 - Jan 3 are closed unless "
        + "openOnHolidays (a contact point setting) or an OPEN exception says otherwise. The ETag header carries version.")
public record PlanView(
        @Schema(example = "13") String contactPointCode,
        @Schema(description = "Whether the contact point works on holidays and during the year-end closure", example = "false") boolean openOnHolidays,
        @Schema(description = "Slots exist from today (Asia/Tokyo) for this many weeks", example = "8") int horizonWeeks,
        List<PlanWindowView> windows,
        @Schema(example = "3") long version,
        @Schema(example = "2026-11-20T10:15:30+09:00") OffsetDateTime updatedAt) {
}
