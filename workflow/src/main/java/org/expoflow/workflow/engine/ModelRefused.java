package org.expoflow.workflow.engine;

import org.camunda.bpm.engine.exception.NotValidException;

/** A deployment refused by {@link KindModelCheck}, with the refusal in the reader's words: the uploader's error. */
public class ModelRefused extends NotValidException {

    private final transient ModelRefusal refusal;

    ModelRefused(ModelRefusal refusal, String sentence) {
        super(sentence);
        this.refusal = refusal;
    }

    public ModelRefusal refusal() {
        return refusal;
    }
}
