/**
 * A notice channel that exists only in the tests: text messages to people's phones, added as one class with its
 * settings and nothing else, to show that a new channel needs no change to the outbox or its deliveries.
 */
package org.expoflow.workflow.notifications.sms;
