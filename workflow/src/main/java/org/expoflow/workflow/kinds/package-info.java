/**
 * The catalogue of directive kinds: every deployed BPMN process, its steps and the figures they collect, read and
 * deployed through the engine's port {@code engine.KindModels}; its API and ADMIN's page of the kinds ({@code /admin/kinds}).
 */
package org.expoflow.workflow.kinds;
