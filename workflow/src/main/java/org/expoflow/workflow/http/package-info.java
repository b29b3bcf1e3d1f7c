/**
 * What every feature's doors share, below all of them: problems for refusals (RFC 9457, in the reader's
 * language), idempotency keys, the pages' errors and plain-text form fields, formats of numbers and dates,
 * pagination, and the reader's language. It knows no feature.
 */
package org.expoflow.workflow.http;
