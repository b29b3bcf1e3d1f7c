/**
 * The task list: every task of every directive, with its latest report, figures and full history. Kept by
 * {@link org.expoflow.projections.tasks.TaskListProjection}; read back, never written, by one reading per
 * question asked of it: the lists people work from ({@code TaskListReadings}), one step ({@code TaskDetailReadings}),
 * an expo's tasks at an instant ({@code ExpoTaskReadings}), the units' own steps as the statistics count them
 * ({@code UnitStepReadings}), and the history a meeting brief recounts ({@code BriefHistoryReadings}).
 */
package org.expoflow.projections.tasks;
