/**
 * The write side of ExpoFlow: the message API and the aggregates that decide what happened.
 * <p>
 * Nothing here knows about Spring, HTTP or the process engine; the workflow module wires the
 * aggregates into Axon and turns engine changes into the commands of {@link org.expoflow.commands.api}.
 */
package org.expoflow.commands;
