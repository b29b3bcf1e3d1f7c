/**
 * ExpoFlow's own pages, server-rendered with Thymeleaf and htmx: a city clerk's task list and task page,
 * the coordinator's console, leadership's board. They act through the same application API as the REST
 * endpoints, so the rules and checks are the same; only the presentation differs.
 */
package org.expoflow.workflow.web;
