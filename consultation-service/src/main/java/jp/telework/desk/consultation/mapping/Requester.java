package jp.telework.desk.consultation.mapping;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.telework.desk.consultation.domain.OrganizationType;
import jp.telework.desk.common.vocabulary.PrefectureCode;

/**
 * Who asks for the consultation. Contact person, email and phone are personal data: visible only to
 * the owner, the responsible association and the secretariat; null once anonymized.
 */
@Schema(name = "Requester")
public record Requester(
        @Schema(example = "Sakura Trading K.K.") @NotBlank @Size(max = 200) String organizationName,
        @Schema(example = "SME") @NotNull OrganizationType organizationType,
        @Schema(example = "35") @NotNull @Min(1) @Max(1_000_000) Integer employeeCount,
        @Schema(example = "Wholesale") @NotBlank @Size(max = 100) String industry,
        @Schema(example = "13", description = "JIS prefecture code of the organization")
        @NotNull @PrefectureCode String prefecture,
        @Schema(example = "Yamada Hanako") @NotBlank @Size(max = 100) String contactPerson,
        @Schema(example = "hanako.yamada@example.co.jp")
        @NotBlank @Size(max = 254) @Email(regexp = Patterns.EMAIL, message = "must be an email address") String email,
        @Schema(example = "03-1234-5678")
        @NotBlank @Pattern(regexp = Patterns.PHONE, message = "must be a phone number") String phone) {
}
