/**
 * The bridge between Camunda and Axon. The engine is the one writer of a task's lifecycle and one
 * global listener, attached to every user task at parse time, its one translator into commands: a
 * change made through our API, the engine's REST API, Tasklist or a timer yields its event exactly
 * once, in the engine's transaction. An aggregate's refusal rolls the engine change back.
 * <p>
 * A model is data, never code: {@code KindModelCheck} holds every deployed file against {@code ModelAllowList}
 * before the engine parses it,
 * {@code ModelExpressionManager} lets an expression reach only variables and the deadline delegates, and
 * {@code ModelVocabulary} names the little a model may call.
 */
package org.expoflow.workflow.engine;
