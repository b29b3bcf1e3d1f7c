package org.expoflow.workflow.review;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

/** A ranking weight as the office may set it: given, 0 to 100, at most two decimals; each fault worded on its own. */
@Documented
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@NotNull(message = "{rule.weightRequired}")
@DecimalMin(value = "0", message = "{rule.weightRange}")
@DecimalMax(value = "100", message = "{rule.weightRange}")
@Digits(integer = 3, fraction = 2, message = "{rule.weightRange}")
@interface Weight {

    String message() default "{rule.weightRange}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
