package dev.compatmatrix.matrix;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text of at most {@link #value()} characters (null passes). Past it, the refusal says how long the text is, in
 * {@link TextLimit}'s words, so the form's binder and the service tell the user the same thing.
 */
@Documented
@Constraint(validatedBy = MaxText.Check.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface MaxText {

    int value();

    /** Unused: the message is {@link TextLimit#tooLong}, with the text's length. */
    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<MaxText, String> {

        private int max;

        @Override
        public void initialize(MaxText limit) {
            max = limit.value();
        }

        @Override
        public boolean isValid(String text, ConstraintValidatorContext context) {
            if (text == null || text.length() <= max) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            // A message template: escape what Bean Validation would read as a parameter or an expression.
            String message = TextLimit.tooLong(max, text.length()).replaceAll("([\\\\{}$])", "\\\\$1");
            context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
            return false;
        }
    }
}
