/**
 * The administrator's doors: its own pages ({@code /admin}: the read models, their rebuild and the consistency check;
 * the directive kinds' upload and catalogue) and the API of the read models. The register's, the robots' and the
 * deliveries' pages sit beside their services in {@code units} and {@code notifications}.
 */
package org.expoflow.workflow.admin;
