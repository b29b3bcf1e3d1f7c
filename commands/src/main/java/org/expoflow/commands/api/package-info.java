/**
 * The messages of ExpoFlow, as records, in a package per aggregate ({@code task}, {@code directive},
 * {@code meeting}, {@code expo}): imperative commands ({@code IssueDirective}), past-tense events
 * ({@code DirectiveIssued}). Here are the values they share: who acts ({@link org.expoflow.commands.api.Actor}),
 * a refused rule, a figure.
 * <p>
 * Event type names and field names are stored for ever in the event store: rename none. A message keeps the
 * stored name it had before the split ({@link org.expoflow.commands.storage.StoredMessageNames}).
 */
package org.expoflow.commands.api;
