package jp.telework.desk.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;

import org.junit.jupiter.api.Test;

class FieldErrorsTest {
    record Body(List<@NotNull String> items) {
    }

    @Test
    void aViolationPerElementIsReportedBounded() {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            items.add(null);
        }
        try (var factory = Validation.buildDefaultValidatorFactory()) {
            Validator validator = factory.getValidator();
            Set<? extends jakarta.validation.ConstraintViolation<?>> violations = validator.validate(new Body(items));
            assertEquals(50, violations.size());
            var errors = ProblemMappers.fieldErrors(violations);
            // one entry per distinct field and message, never more than the cap
            org.junit.jupiter.api.Assertions.assertTrue(!errors.isEmpty() && errors.size() <= ProblemMappers.MAX_FIELD_ERRORS,
                    errors.toString());
        }
    }
}
