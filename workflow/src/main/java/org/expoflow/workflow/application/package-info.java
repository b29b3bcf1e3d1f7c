/**
 * What every application service shares: the one place a request's rules (Bean Validation on its record)
 * are checked, whichever door it came in by, the REST API or a page.
 */
package org.expoflow.workflow.application;
