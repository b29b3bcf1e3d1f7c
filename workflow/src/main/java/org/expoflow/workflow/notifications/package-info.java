/**
 * What reaches people: a step given, due soon, overdue, chased up, escalated, sent back, or instructed on
 * notifies those concerned in their in-app inbox, and a unit's group robot (WeCom, DingTalk) through an
 * outbox written with the event and sent afterwards with retries.
 */
package org.expoflow.workflow.notifications;
