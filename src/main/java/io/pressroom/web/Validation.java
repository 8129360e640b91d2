package io.pressroom.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;

/** Validates values built inside services (such as a merged partial update) like request bodies. */
@ApplicationScoped
public class Validation {

  private final Validator validator;

  Validation(Validator validator) {
    this.validator = validator;
  }

  public <T> T check(T value) {
    Set<ConstraintViolation<T>> violations = validator.validate(value);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    return value;
  }
}
