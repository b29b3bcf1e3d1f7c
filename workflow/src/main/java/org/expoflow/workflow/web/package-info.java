/**
 * ExpoFlow's own pages, server-rendered with Thymeleaf and htmx: a city clerk's task list and task page,
 * the coordinator's console, leadership's board. They hand the same records to the same application services
 * as the REST endpoints, so the rules and checks are the same; a refusal is shown at the form's field
 * ({@link org.expoflow.workflow.web.PageErrors}), named as the API names it.
 */
package org.expoflow.workflow.web;
