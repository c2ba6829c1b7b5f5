package jp.telework.desk.contactpoint.mapping;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.telework.desk.common.vocabulary.Region;

@Schema(name = "RoutedContactPoint", description = "A contact point that can take the caller, with its distance and free slots")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoutedContactPointView(
        @Schema(example = "11") String code,
        @Schema(example = "埼玉県") String nameJa,
        @Schema(example = "Saitama") String nameEn,
        Region region,
        @Schema(description = "Public phone of the association, if published", example = "048-000-0000") String phone,
        @Schema(description = "Great-circle distance between the offices (or from the caller), km, one decimal", example = "19.3") double distanceKm,
        FreeSlotView firstFreeSlot,
        @Schema(description = "Further free slots of this contact point (chosen one only)") List<FreeSlotView> nextFreeSlots) {
}
