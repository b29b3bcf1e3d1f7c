package org.expoflow.workflow.kinds;

import java.util.List;

import org.expoflow.workflow.engine.StepForm;

/**
 * A kind of directive, as its BPMN declares it: the key a directive names, its steps in model order
 * (who does each, what each asks for), and the figures its steps collect.
 */
public record DirectiveKind(String key, String name, int version, String description, List<Step> steps,
                            List<String> figures) {

    /** {@code attachments}: what files the step asks for (e.g. {@code boothPhotos}), or null. */
    public record Step(String id, String name, String candidateGroup, List<StepForm.Field> fields, String attachments) {
    }
}
