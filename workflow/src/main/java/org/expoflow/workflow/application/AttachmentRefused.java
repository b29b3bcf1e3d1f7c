package org.expoflow.workflow.application;

import org.expoflow.commands.api.DomainRuleViolation;

/**
 * A file refused for what it is, not for a rule of the step: not a photo or a PDF, or not the type it
 * declares. A refusal of the {@code file} field like any other, which the REST API answers with 415.
 */
public class AttachmentRefused extends DomainRuleViolation {

    public AttachmentRefused(String message) {
        super(Kind.INVALID, "file", message);
    }
}
