package jp.telework.desk.consultation.mapping;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Page", description = "One page of a list; total counts every match (also in X-Total-Count)")
public record PageView<T>(List<T> items, @Schema(example = "42") long total, @Schema(example = "0") int page,
        @Schema(example = "20") int size) {
}
