package io.pressroom.report;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.pressroom.web.HttpUrl;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/**
 * How to reach a reporter: an email address or an absolute http(s) URL; null or blank is allowed.
 */
@Documented
@Constraint(validatedBy = Contact.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
@interface Contact {

  String message() default "must be an email address or an absolute http or https URL";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<Contact, String> {

    private static final Pattern EMAIL =
        Pattern.compile(
            "[^@\\s<>()\\[\\],;:\"]+@[^@\\s<>()\\[\\],;:\"]+\\.[^@\\s<>()\\[\\],;:\".]+");
    private final HttpUrl.Validator url = new HttpUrl.Validator();

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null || value.isBlank()) {
        return true;
      }
      String contact = value.strip();
      return EMAIL.matcher(contact).matches()
          || (contact.contains("://") && url.isValid(contact, context));
    }
  }
}
