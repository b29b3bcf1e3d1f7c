/**
 * The REST contract of ExpoFlow under {@code /api}: JSON in and out, errors as RFC 9457 problem details
 * naming the field at fault ({@link org.expoflow.workflow.api.ProblemResponses}, the one place refusals become
 * HTTP). A controller translates HTTP to an application service's records and back; the service checks the
 * rules, writes and waits for the projections, so a caller's next read shows what it just did.
 */
package org.expoflow.workflow.api;
