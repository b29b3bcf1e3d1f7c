/**
 * The messages of ExpoFlow, as records: imperative commands ({@code IssueDirective}), past-tense
 * events ({@code DirectiveIssued}) and the small values they carry.
 * <p>
 * Event type names and field names are stored for ever in the event store: rename none.
 */
package org.expoflow.commands.api;
