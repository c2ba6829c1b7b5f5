package jp.telework.desk.consultation.mapping;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.telework.desk.consultation.domain.InquiryCategory;
import jp.telework.desk.common.vocabulary.PrefectureCode;

@Schema(name = "InquiryRequest", description = "A written inquiry; anonymous senders must give an email address")
public record InquiryRequest(
        @Schema(example = "SECURITY") @NotNull InquiryCategory category,
        @Schema(example = "13", description = "JIS code of the prefecture whose association should answer")
        @NotNull @PrefectureCode String prefecture,
        @Schema(example = "Which security rules should we set before letting staff use their own PCs at home?")
        @NotBlank @Size(max = 4000) String question,
        @Schema(example = "Yamada Hanako") @Size(max = 100) String contactName,
        @Schema(example = "hanako.yamada@example.co.jp")
        @Size(max = 254) @Email(regexp = Patterns.EMAIL, message = "must be an email address") String email) {
}
