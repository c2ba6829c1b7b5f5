package jp.telework.desk.contactpoint.mapping;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Materialization", description = "What a change did to the slots of the horizon; every opened, changed or "
        + "closed slot was announced on contact-points.events")
public record MaterializationView(
        @Schema(example = "2026-11-20") LocalDate from,
        @Schema(example = "2027-01-14") LocalDate to,
        @Schema(description = "New or reopened slots", example = "120") int opened,
        @Schema(description = "Slots whose capacity or end changed", example = "8") int changed,
        @Schema(example = "4") int closed,
        @Schema(example = "300") int unchanged,
        @Schema(description = "Slots now holding more bookings than they can take") List<AffectedSlotView> affectedSlots) {
}
