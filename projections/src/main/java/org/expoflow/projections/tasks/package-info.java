/** The task list: every task of every directive, with its latest report, figures and full history. */
package org.expoflow.projections.tasks;
