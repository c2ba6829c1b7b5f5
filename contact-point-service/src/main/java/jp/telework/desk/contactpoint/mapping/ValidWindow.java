package jp.telework.desk.contactpoint.mapping;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import jp.telework.desk.contactpoint.domain.PlanRules;

/** The end of a window is after its start and the window is a whole number of slots; reported on {@code endTime}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidWindow.Validator.class)
public @interface ValidWindow {
    String message() default "invalid window";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidWindow, WindowShape> {
        @Override
        public boolean isValid(WindowShape w, ConstraintValidatorContext context) {
            if (w == null || w.startTime() == null || w.endTime() == null) {
                return true;
            }
            int minutes = w.slotMinutes() == null ? 0 : w.slotMinutes();
            return PlanRules.windowEndProblem(w.startTime(), w.endTime(), minutes)
                    .map(problem -> {
                        context.disableDefaultConstraintViolation();
                        context.buildConstraintViolationWithTemplate(problem.replace("{", "\\{").replace("$", "\\$"))
                                .addPropertyNode("endTime").addConstraintViolation();
                        return false;
                    }).orElse(true);
        }
    }
}
