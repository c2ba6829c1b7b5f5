package jp.telework.desk.contactpoint.mapping;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jp.telework.desk.common.rest.Page;

/** Concrete page shapes for the OpenAPI document (the answers are {@link Page}s). */
public final class Pages {
    private Pages() {
    }

    @Schema(name = "SlotPage", description = "One page of slots; page counts from 0; total also in X-Total-Count")
    public record SlotPage(List<SlotView> items, @Schema(example = "312") long total, @Schema(example = "0") int page,
            @Schema(example = "100") int size) {
    }

    @Schema(name = "ExceptionPage", description = "One page of exceptions; page counts from 0; total also in X-Total-Count")
    public record ExceptionPage(List<ExceptionView> items, @Schema(example = "3") long total, @Schema(example = "0") int page,
            @Schema(example = "50") int size) {
    }
}
