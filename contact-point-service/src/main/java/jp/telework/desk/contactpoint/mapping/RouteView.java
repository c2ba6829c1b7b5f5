package jp.telework.desk.contactpoint.mapping;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.telework.desk.contactpoint.domain.Mode;
import jp.telework.desk.contactpoint.domain.NaviDialRouter;

@Schema(name = "Route", description = "Navi Dial: which contact point should take the caller now")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RouteView(
        @Schema(description = "The caller's prefecture, when routed by prefecture", example = "13") String prefecture,
        @Schema(description = "Where distances are measured from", example = "35.689185") double latitude,
        @Schema(example = "139.691648") double longitude,
        @Schema(example = "IN_PERSON") Mode mode,
        @Schema(example = "P14D") String within,
        @Schema(description = "Slots starting up to this instant were considered", example = "2026-12-04T10:00:00+09:00") OffsetDateTime until,
        @Schema(description = "HOME: the caller's own association; NEAREST_TO_HOME: the home association cannot serve, this is the "
                + "nearest that can; NEAREST_TO_CALLER: routed by coordinates", example = "HOME") NaviDialRouter.Reason reason,
        RoutedContactPointView contactPoint,
        @Schema(description = "The next associations that can serve, nearest first (ties by code)") List<RoutedContactPointView> alternatives) {
}
