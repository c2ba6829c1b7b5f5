package jp.telework.desk.contactpoint.mapping;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.telework.desk.contactpoint.domain.Mode;

/** The operational fields an association may change; names, codes and coordinates are public facts. */
@Schema(name = "ContactPointUpdate")
public record ContactPointUpdate(
        @NotEmpty @Size(max = 3) List<@NotNull Mode> modes,
        @NotEmpty @Size(max = 10) List<@NotNull @Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 code") String> languages,
        @NotNull Boolean active,
        @NotNull Boolean openOnHolidays,
        @Pattern(regexp = "[0-9+\\-() ]{0,20}", message = "must be a phone number") String phone,
        @Size(max = 500) String note) {
}
