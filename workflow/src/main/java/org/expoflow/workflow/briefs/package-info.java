/** A meeting brief as files a secretary prints: one set of tables, written as a spreadsheet or a PDF. */
package org.expoflow.workflow.briefs;
