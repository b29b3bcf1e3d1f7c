/**
 * The ExpoFlow application: the bridge between the process engine and the aggregates, the REST API,
 * security, configuration and metrics. The only module that imports the engine.
 */
package org.expoflow.workflow;
