/** The catalogue of directive kinds: every deployed BPMN process, its steps and the figures they collect. */
package org.expoflow.workflow.kinds;
