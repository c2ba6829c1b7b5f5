package jp.telework.desk.seminar.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.telework.desk.common.vocabulary.Region;

@Schema(name = "VenueView")
public record VenueView(
        @Schema(example = "13") String prefecture,
        @Schema(example = "東京都") String prefectureNameJa,
        @Schema(example = "Tokyo") String prefectureNameEn,
        Region region,
        String name,
        String address) {
}
