/**
 * Files a secretary prints or sums: a meeting brief as one set of tables written as a spreadsheet or a PDF, and
 * the office's lists (tasks, overdue, statistics) as spreadsheets.
 */
package org.expoflow.workflow.briefs;
