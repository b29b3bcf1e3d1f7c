/**
 * The work on unit steps, as use cases by who acts: reading steps ({@code StepReadings}), the work of whoever
 * does a step ({@code UnitStepWork}: claim, report, comment, complete, review), the office's actions on steps
 * ({@code OfficeStepWork}: extend, reassign, co-operate, chase up, bulk) and the files attached as evidence
 * ({@code StepFiles}). Which steps a person sees is decided in one place ({@code VisibleSteps}); every change
 * reaches the engine through one port ({@code engine.StepEngine}), so nothing here imports the engine. The REST
 * API ({@code TaskController}) and the pages ({@code TaskListPages} for the lists, {@code TaskPages} for a step,
 * beside them; the console) are doors that translate HTTP and forms, and nothing else.
 */
package org.expoflow.workflow.tasks;
