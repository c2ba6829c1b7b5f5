package jp.telework.desk.contactpoint.mapping;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PlanUpdate", description = "The whole weekly plan (it replaces the previous one). Windows of the same weekday "
        + "and mode must not overlap; an empty list means no regular slots.")
public record PlanUpdate(
        @Schema(required = true, maxItems = 200) @NotNull @Size(max = 200) List<@Valid @NotNull PlanWindowBody> windows) {
}
