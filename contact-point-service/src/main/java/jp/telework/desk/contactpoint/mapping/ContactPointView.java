package jp.telework.desk.contactpoint.mapping;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.telework.desk.contactpoint.domain.ContactPoint;
import jp.telework.desk.contactpoint.domain.Mode;
import jp.telework.desk.common.vocabulary.Region;

@Schema(name = "ContactPoint", description = "A prefecture's Labor and Social Security Attorney's Association")
public record ContactPointView(
        @Schema(example = "13") String code,
        @Schema(example = "東京都") String nameJa,
        @Schema(example = "Tokyo") String nameEn,
        Region region,
        double latitude,
        double longitude,
        List<Mode> modes,
        boolean faceToFaceAvailable,
        List<String> languages,
        boolean active,
        boolean openOnHolidays,
        String phone,
        String note,
        long version) {

    public static ContactPointView of(ContactPoint cp) {
        return new ContactPointView(cp.code, cp.nameJa, cp.nameEn, cp.region, cp.latitude, cp.longitude,
                java.util.Arrays.stream(cp.modes).map(Mode::valueOf).toList(), cp.faceToFaceAvailable(),
                List.of(cp.languages), cp.active, cp.openOnHolidays, cp.phone, cp.note, cp.version);
    }
}
