package jp.telework.desk.contactpoint.mapping;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list; {@code page} counts from 0. The total is also sent as X-Total-Count. */
@Schema(name = "Page", description = "One page of a list; page counts from 0; total counts every match (also in X-Total-Count)")
public record PageView<T>(List<T> items, @Schema(example = "42") long total, @Schema(example = "0") int page,
        @Schema(example = "20") int size) {
}
