package jp.telework.desk.contactpoint.mapping;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import jp.telework.desk.contactpoint.domain.PlanRules;

/** The fields an exception needs depend on its kind; each missing or superfluous field is reported by name. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidException.Validator.class)
public @interface ValidException {
    String message() default "invalid exception";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidException, ExceptionCreate> {
        @Override
        public boolean isValid(ExceptionCreate e, ConstraintValidatorContext context) {
            if (e == null || e.kind() == null) {
                return true;
            }
            Map<String, Object> fields = new java.util.LinkedHashMap<>();
            fields.put("startTime", e.startTime());
            fields.put("endTime", e.endTime());
            fields.put("slotMinutes", e.slotMinutes());
            fields.put("capacity", e.capacity());
            fields.put("mode", e.mode());
            List<String[]> problems = new ArrayList<>();
            switch (e.kind()) {
                case CLOSED, OPEN -> fields.forEach((name, value) -> {
                    if (value != null) {
                        problems.add(new String[] { name, "must be absent for " + e.kind() });
                    }
                });
                case EXTRA_WINDOW -> fields.forEach((name, value) -> {
                    if (value == null) {
                        problems.add(new String[] { name, "is required for EXTRA_WINDOW" });
                    }
                });
                case CAPACITY -> {
                    if (e.capacity() == null) {
                        problems.add(new String[] { "capacity", "is required for CAPACITY" });
                    }
                    if (e.slotMinutes() != null) {
                        problems.add(new String[] { "slotMinutes", "must be absent for CAPACITY" });
                    }
                    if ((e.startTime() == null) != (e.endTime() == null)) {
                        problems.add(new String[] { e.startTime() == null ? "startTime" : "endTime",
                                "give both startTime and endTime, or neither" });
                    }
                }
            }
            if (e.startTime() != null && e.endTime() != null && problems.isEmpty()) {
                int minutes = e.slotMinutes() == null ? 0 : e.slotMinutes();
                PlanRules.windowEndProblem(e.startTime(), e.endTime(), minutes)
                        .ifPresent(p -> problems.add(new String[] { "endTime", p }));
            }
            if (problems.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            for (String[] p : problems) {
                context.buildConstraintViolationWithTemplate(p[1]).addPropertyNode(p[0]).addConstraintViolation();
            }
            return false;
        }
    }
}
