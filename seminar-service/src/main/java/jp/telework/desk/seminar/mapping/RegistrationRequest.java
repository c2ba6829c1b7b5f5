package jp.telework.desk.seminar.mapping;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.telework.desk.seminar.domain.OrganizationType;
import jp.telework.desk.seminar.domain.Participation;
import jp.telework.desk.common.vocabulary.PrefectureCode;

/**
 * A registration for a seminar. An SME registers its own organization (the token's organization
 * claim; {@code organization.id} may be omitted). The secretariat or the host association may
 * register on an organization's behalf (e.g. after a phone call) and then must name
 * {@code organization.id}.
 */
@Schema(name = "RegistrationRequest")
public record RegistrationRequest(
        @NotNull @Min(1) @Schema(example = "2", description = "Seats for this organization (1..the configured maximum)") Integer seats,
        @Schema(example = "IN_PERSON", description = "Required for HYBRID seminars; otherwise the seminar's format") Participation participation,
        @NotNull @Valid Organization organization,
        @NotNull @Valid Contact contact,
        @Size(max = 20) @Schema(example = "[\"山田 花子\", \"佐藤 一郎\"]", description = "Names of the attendees, at most one per seat")
        List<@NotBlank @Size(max = 100) String> attendees) {

    @Schema(name = "RegistrationOrganization")
    public record Organization(
            @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "must be 1..64 letters, digits, '.', '_' or '-'")
            @Schema(example = "org-sme-a", description = "Only when staff register on an organization's behalf") String id,
            @NotBlank @Size(max = 200) @Schema(example = "株式会社テレワーク商事") String name,
            @NotNull @Schema(example = "SME") OrganizationType type,
            @PrefectureCode @Schema(example = "13") String prefecture,
            @Min(1) @Max(1000000) @Schema(example = "35") Integer employeeCount) {
    }

    @Schema(name = "RegistrationContact", description = "Personal data: visible to the registrant, the host and the secretariat only")
    public record Contact(
            @NotBlank @Size(max = 100) @Schema(example = "山田 花子") String name,
            @NotBlank @Email @Size(max = 254) @Schema(example = "hanako.yamada@example.jp") String email,
            @Pattern(regexp = "[0-9+\\-() ]{0,20}", message = "must be a phone number") @Schema(example = "03-0000-0000") String phone) {
    }
}
