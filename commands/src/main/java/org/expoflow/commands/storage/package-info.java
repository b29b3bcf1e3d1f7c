/**
 * How ExpoFlow's messages are named in the event store, where a name once written is kept for ever.
 */
package org.expoflow.commands.storage;
