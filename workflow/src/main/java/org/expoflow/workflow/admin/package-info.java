/**
 * The administrator's door to the read models: their progress, rebuilds, and the consistency check of engine,
 * events and task lists.
 */
package org.expoflow.workflow.admin;
