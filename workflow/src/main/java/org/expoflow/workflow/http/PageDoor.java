package org.expoflow.workflow.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller that serves ExpoFlow's pages rather than the REST API: the pages' advice (refusals shown at
 * the form, unit names, the unread count, the notice while a rebuild runs) applies to it wherever its feature's
 * package is, and never to a REST controller.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface PageDoor {
}
