/**
 * The ExpoFlow application: the bridge between the process engine and the aggregates, security,
 * configuration and metrics, and one package per feature (tasks, directives, meetings, review, ...) holding its
 * application service with its doors beside it (the REST controller and the pages). What the doors share sits
 * below every feature ({@code http}); the engine is reached through its adapter ({@code engine}). The only
 * module that imports the engine.
 */
package org.expoflow.workflow;
