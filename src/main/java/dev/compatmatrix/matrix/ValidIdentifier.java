package dev.compatmatrix.matrix;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The value obeys the {@link Identifier} rule; the message says which character is refused. Null passes. */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidIdentifier.Check.class)
public @interface ValidIdentifier {

    Identifier value();

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<ValidIdentifier, String> {

        private Identifier rule;

        @Override
        public void initialize(ValidIdentifier annotation) {
            rule = annotation.value();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return rule.problem(value)
                    .map(problem -> {
                        context.disableDefaultConstraintViolation();
                        // A message is a template: the refused character itself may be one of its special characters.
                        context.buildConstraintViolationWithTemplate(problem.replaceAll("([\\\\{}$])", "\\\\$1"))
                                .addConstraintViolation();
                        return false;
                    })
                    .orElse(true);
        }
    }
}
