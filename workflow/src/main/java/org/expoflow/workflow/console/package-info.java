/**
 * The expo office's console: the coordinator's page for the day's work (what is overdue, waits for review or
 * for a chase-up; issuing a directive; bulk actions), a door to the features' services and nothing else.
 */
package org.expoflow.workflow.console;
