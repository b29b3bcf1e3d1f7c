/**
 * The administrator's doors: its own pages ({@code /admin}: the read models, their rebuild and the consistency check)
 * and the API of the read models. The register's, the kinds', the users', the robots' and the deliveries' pages sit
 * beside their services in {@code units}, {@code kinds}, {@code security} and {@code notifications}.
 */
package org.expoflow.workflow.admin;
