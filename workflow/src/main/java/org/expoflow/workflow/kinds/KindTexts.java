package org.expoflow.workflow.kinds;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import org.expoflow.projections.api.TaskStep;
import org.expoflow.workflow.engine.KindModels;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The words of a directive kind in the reader's language: its name, its steps' names and its form fields'
 * labels, keyed by the BPMN ids ({@code kind.invite-buyers.step.draftInvitationList}). First from the texts the
 * kind was deployed with ({@code texts_zh.properties} next to an uploaded .bpmn), then from the bundle that comes
 * with ExpoFlow ({@code directive-kinds/texts_<language>.properties}); a kind without either, such as one drawn in
 * Camunda Modeler and deployed alone, shows the names its BPMN file gives.
 */
@Component("kindTexts")
public class KindTexts {

    static final String BUNDLE = "directive-kinds/texts";
    /** The deadline's supervision (bpmn/deadline-supervision.bpmn), whose steps appear among every kind's. */
    private static final String SUPERVISION = "deadline-supervision";
    /** How long a kind's deployed texts are kept before its latest deployment is looked up again. */
    private static final Duration FRESH_FOR = Duration.ofSeconds(30);

    private final ResourceBundleMessageSource texts = new ResourceBundleMessageSource();
    // the engine is built after the beans the pages use: looked up when a kind's words are first asked for
    private final ObjectProvider<KindModels> models;
    private final Clock clock;
    private final Map<String, DeployedTexts> deployed = new ConcurrentHashMap<>();

    /** A kind's texts as its latest deployment brought them, per language; none when it brought none. */
    private record DeployedTexts(Instant readAt, Map<String, Properties> byLanguage) {
    }

    /** The texts that come with ExpoFlow alone, without an engine to find a kind's own. */
    public KindTexts() {
        this(null, Clock.systemUTC());
    }

    @Autowired
    public KindTexts(ObjectProvider<KindModels> models, Clock clock) {
        this.models = models;
        this.clock = clock;
        texts.setBasename(BUNDLE);
        texts.setDefaultEncoding("UTF-8");
        texts.setFallbackToSystemLocale(false);
    }

    public String kind(String kind, String bpmnName) {
        return kind(kind, bpmnName, LocaleContextHolder.getLocale());
    }

    /** In a language the caller names: a brief written in both. */
    public String kind(String kind, String bpmnName, Locale locale) {
        return text(kind, "kind." + kind + ".name", bpmnName, locale);
    }

    /**
     * What the kind is for, in the reader's language ({@code kind.<id>.description}); the model's own documentation
     * only for a reader of English, since models are documented in English; none otherwise.
     */
    public String description(String kind, String documentation) {
        Locale locale = LocaleContextHolder.getLocale();
        return text(kind, "kind." + kind + ".description", "en".equals(locale.getLanguage()) ? documentation : null, locale);
    }

    public String step(String kind, String stepKey, String bpmnName) {
        return step(kind, stepKey, bpmnName, LocaleContextHolder.getLocale());
    }

    /** In a language other than the reader's: a notice sent to a unit's group robot, in Chinese. */
    public String step(String kind, String stepKey, String bpmnName, Locale locale) {
        return text(kind, "kind." + kind + ".step." + stepKey, bpmnName, locale);
    }

    /** A task's step, as its kind names it in the reader's language. */
    public String step(TaskStep step) {
        return step(step.kind(), step.stepKey(), step.stepName());
    }

    /** A task's step, as its kind names it in {@code locale}. */
    public String step(TaskStep step, Locale locale) {
        return step(step.kind(), step.stepKey(), step.stepName(), locale);
    }

    public String field(String kind, String fieldId, String bpmnLabel) {
        return field(kind, fieldId, bpmnLabel, LocaleContextHolder.getLocale());
    }

    /** In a language the caller names: a figure's name asked of the pages' bundle, which is asked in one. */
    public String field(String kind, String fieldId, String bpmnLabel, Locale locale) {
        return text(kind, "kind." + kind + ".field." + fieldId, bpmnLabel, locale);
    }

    /** One of the choices of a field of type enum ({@code kind.<kind>.field.<field>.value.<id>}). */
    public String value(String kind, String fieldId, String valueId, String bpmnName) {
        return text(kind, "kind." + kind + ".field." + fieldId + ".value." + valueId, bpmnName, LocaleContextHolder.getLocale());
    }

    private String text(String kind, String key, String fallback, Locale locale) {
        String own = kind == null ? null : deployedText(kind, key, locale);
        if (own != null) {
            return own;
        }
        String bundled = texts.getMessage(key, null, null, locale);
        if (bundled == null && kind != null && (key.startsWith("kind." + kind + ".step.") || key.startsWith("kind." + kind + ".field."))) {
            // a chase-up's steps run in the deadline's supervision, but are read as steps of the directive's kind
            bundled = texts.getMessage("kind." + SUPERVISION + key.substring(("kind." + kind).length()), null, null, locale);
        }
        return bundled != null ? bundled : fallback;
    }

    private String deployedText(String kind, String key, Locale locale) {
        DeployedTexts kindTexts = deployed.compute(kind, (k, known) ->
                known != null && known.readAt().plus(FRESH_FOR).isAfter(clock.instant()) ? known : read(k));
        Properties words = kindTexts.byLanguage().get(locale.getLanguage());
        return words == null ? null : words.getProperty(key);
    }

    private DeployedTexts read(String kind) {
        KindModels engine = models == null ? null : models.getIfAvailable();
        Map<String, Properties> byLanguage = new ConcurrentHashMap<>();
        if (engine != null) {
            engine.texts(kind).forEach((resource, content) -> {
                String language = resource.substring("texts_".length(), resource.length() - ".properties".length())
                        .split("_")[0];
                byLanguage.put(language, load(content));
            });
        }
        return new DeployedTexts(clock.instant(), byLanguage);
    }

    private static Properties load(byte[] content) {
        Properties words = new Properties();
        try (InputStreamReader reader = new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8)) {
            words.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("a kind's deployed texts could not be read", e);
        }
        return words;
    }
}
