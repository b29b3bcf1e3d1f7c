package org.expoflow.workflow.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every kind ExpoFlow brings speaks Chinese: its name, each step and each form field have a text keyed by
 * their BPMN ids; in English, and for a kind without texts, the BPMN file's own names show.
 */
class KindTextsTest {

    private final KindTexts texts = new KindTexts();

    @AfterEach
    void defaultLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void everyKindStepAndFieldOfTheBundledKindsHasItsChineseText() throws IOException {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        List<String> untranslated = new ArrayList<>();
        Resource[] kinds = new PathMatchingResourcePatternResolver().getResources("classpath*:directive-kinds/*.bpmn");
        assertThat(kinds).hasSizeGreaterThanOrEqualTo(10);
        for (Resource file : kinds) {
            BpmnModelInstance model;
            try (InputStream in = file.getInputStream()) {
                model = Bpmn.readModelFromStream(in);
            }
            for (Process process : model.getModelElementsByType(Process.class)) {
                String kind = process.getId();
                check(untranslated, kind, texts.kind(kind, process.getName()), process.getName());
                for (UserTask step : process.getChildElementsByType(UserTask.class)) {
                    check(untranslated, kind + "." + step.getId(), texts.step(kind, step.getId(), step.getName()), step.getName());
                }
                for (CamundaFormField field : model.getModelElementsByType(CamundaFormField.class)) {
                    check(untranslated, kind + "." + field.getCamundaId(),
                            texts.field(kind, field.getCamundaId(), field.getCamundaLabel()), field.getCamundaLabel());
                }
            }
        }
        assertThat(untranslated).as("kinds, steps and fields shown in English to a Chinese reader").isEmpty();
    }

    @Test
    void inEnglishAndForAKindWithoutTextsTheBpmnNamesShow() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(texts.step("invite-buyers", "draftInvitationList", "Draft the invitation list"))
                .isEqualTo("Draft the invitation list");
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(texts.step("invite-buyers", "draftInvitationList", "Draft the invitation list")).isEqualTo("拟定邀请名单");
        assertThat(texts.kind("harbour-tour", "Harbour tour")).as("drawn in Camunda Modeler, deployed without texts")
                .isEqualTo("Harbour tour");
    }

    private static void check(List<String> untranslated, String what, String shown, String bpmnName) {
        if (shown == null || shown.equals(bpmnName) || !shown.codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                == Character.UnicodeScript.HAN)) {
            untranslated.add(what + ": " + bpmnName);
        }
    }
}
