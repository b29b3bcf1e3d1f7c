/**
 * The bridge between Camunda and Axon. The engine is the one writer of a task's lifecycle and one
 * global listener, attached to every user task at parse time, its one translator into commands: a
 * change made through our API, the engine's REST API, Tasklist or a timer yields its event exactly
 * once, in the engine's transaction. An aggregate's refusal rolls the engine change back.
 * <p>
 * The rest of ExpoFlow imports nothing of the engine's: it reaches it through the ports here, {@code StepEngine} (a
 * step's change and reading), {@code DirectiveProcesses} (a directive's processes), {@code KindModels} (the kinds'
 * models, read and deployed), {@code EngineIdentity} (who acts in the engine, whom its webapps admit) and
 * {@code EngineFailures} (what an engine's failure means to the caller). The webapps' sign-on is in {@code webapps}.
 * <p>
 * A model is data, never code: {@code KindModelCheck} holds every deployed file against {@code ModelAllowList}
 * before the engine parses it,
 * {@code ModelExpressionManager} lets an expression reach only variables and the deadline delegates, and
 * {@code ModelVocabulary} names the little a model may call.
 */
package org.expoflow.workflow.engine;
