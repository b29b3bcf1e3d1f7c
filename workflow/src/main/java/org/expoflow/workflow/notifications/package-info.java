/**
 * What reaches people: a step given, due soon, overdue, chased up, escalated, sent back, or instructed on
 * notifies those concerned on every {@link org.expoflow.workflow.notifications.NoticeChannel} that is on (the
 * in-app inbox, e-mail, a unit's group robot on WeCom or DingTalk), through an outbox written with the event and
 * sent afterwards with retries. A new channel is one class implementing it, with its settings.
 */
package org.expoflow.workflow.notifications;
