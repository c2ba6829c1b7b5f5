package jp.telework.desk.common.rest;

import java.util.List;

import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list, the same in every service: {@code page} counts from 0, {@code total} counts every match. */
@Schema(name = "Page", description = "One page of a list; page counts from 0; total counts every match (also in X-Total-Count)")
public record Page<T>(List<T> items, @Schema(example = "42") long total, @Schema(example = "0") int page,
        @Schema(example = "20") int size) {
    /** The header that repeats {@code total}, for clients that read headers only. */
    public static final String TOTAL_COUNT = "X-Total-Count";

    public static <T> Page<T> empty(int page, int size) {
        return new Page<>(List.of(), 0, page, size);
    }

    /** 200 with the page as body and its total in {@value #TOTAL_COUNT}. */
    public Response response() {
        return Response.ok(this).header(TOTAL_COUNT, total).build();
    }
}
