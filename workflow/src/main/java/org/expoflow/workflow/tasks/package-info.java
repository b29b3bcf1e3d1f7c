/**
 * The work on unit steps as use cases ({@link org.expoflow.workflow.tasks.TaskWork}): listing and reading
 * steps, claiming, reporting, attaching and completing them, and the coordinator's extend, reassign and
 * co-operate. The REST API ({@code api.TaskController}) and the pages ({@code web.TaskPages}, the console)
 * are doors to it that translate HTTP and forms, and nothing else.
 */
package org.expoflow.workflow.tasks;
