package org.expoflow.workflow.kinds;

import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The words of a directive kind in the reader's language: its name, its steps' names and its form fields'
 * labels, from the bundle {@code directive-kinds/texts_<language>.properties} keyed by the BPMN ids
 * ({@code kind.invite-buyers.step.draftInvitationList}). A kind drawn in Camunda Modeler and deployed without
 * a bundle, or a language without one, shows the names the BPMN file gives.
 */
@Component("kindTexts")
public class KindTexts {

    static final String BUNDLE = "directive-kinds/texts";

    private final ResourceBundleMessageSource texts = new ResourceBundleMessageSource();

    public KindTexts() {
        texts.setBasename(BUNDLE);
        texts.setDefaultEncoding("UTF-8");
        texts.setFallbackToSystemLocale(false);
    }

    public String kind(String kind, String bpmnName) {
        return text("kind." + kind + ".name", bpmnName);
    }

    public String step(String kind, String stepKey, String bpmnName) {
        return step(kind, stepKey, bpmnName, LocaleContextHolder.getLocale());
    }

    /** In a language other than the reader's: a notice sent to a unit's group robot, in Chinese. */
    public String step(String kind, String stepKey, String bpmnName, Locale locale) {
        return texts.getMessage("kind." + kind + ".step." + stepKey, null, bpmnName, locale);
    }

    public String field(String kind, String fieldId, String bpmnLabel) {
        return text("kind." + kind + ".field." + fieldId, bpmnLabel);
    }

    private String text(String key, String fallback) {
        return texts.getMessage(key, null, fallback, LocaleContextHolder.getLocale());
    }
}
