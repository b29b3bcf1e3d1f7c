package org.expoflow.workflow.kinds;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.expoflow.commands.api.Figure;
import org.expoflow.workflow.engine.StepForm;
import org.expoflow.workflow.http.Formats;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.HierarchicalMessageSource;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.AbstractMessageSource;
import org.springframework.stereotype.Component;

/**
 * The figures known to ExpoFlow, as the kinds that declare them name them: a figure's name is its form field's words
 * in the reader's language ({@code kind.<kind>.field.<key>} in the kind's texts, else the field's label) and its unit
 * is the one the field declares. A kind uploaded with a new figure is named and measured everywhere at once, with
 * no word of it in the pages' bundles.
 * <p>
 * The pages, the refusals and the notices name a figure by the message {@code figure.<key>}, and a unit by
 * {@code figureUnit.<key>}: this answers both under the pages' bundle, so every place that names a figure names it
 * the one way. A key no deployed kind declares (a figure of a kind since replaced) is named by its key.
 */
@Component("figureWords")
public class FigureWords implements SmartInitializingSingleton {

    static final String NAME = "figure.";
    static final String UNIT = "figureUnit.";

    private static final String YUAN = "元";

    private final DirectiveKindCatalogue kinds;
    private final KindTexts texts;
    private final MessageSource messages;
    private final Formats formats;

    /** A figure with its words: its key, its name in the reader's language and its unit. */
    public record NamedFigure(String key, String name, String unit) {
    }

    public FigureWords(DirectiveKindCatalogue kinds, KindTexts texts, MessageSource messages, Formats formats) {
        this.kinds = kinds;
        this.texts = texts;
        this.messages = messages;
        this.formats = formats;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (messages instanceof HierarchicalMessageSource bundle && bundle.getParentMessageSource() == null) {
            bundle.setParentMessageSource(new KindsAsMessages());
        }
    }

    /** Every figure the deployed kinds declare, in the kinds' order, each named by the first kind that declares it. */
    public Map<String, NamedFigure> all() {
        return all(LocaleContextHolder.getLocale());
    }

    /** As {@link #all()}, in a language the caller names: a brief written in both. */
    public Map<String, NamedFigure> all(Locale locale) {
        Map<String, NamedFigure> figures = new LinkedHashMap<>();
        Set<String> inTheReadersWords = new HashSet<>();
        for (DirectiveKind kind : kinds.all()) {
            kind.steps().stream().flatMap(step -> step.fields().stream()).filter(StepForm.Field::isFigure).forEach(field -> {
                NamedFigure named = named(kind, field, locale);
                // a figure several kinds declare is named by one whose texts speak the reader's language, if any does
                boolean told = !named.name().equals(field.label() == null ? field.id() : field.label());
                if (!figures.containsKey(field.id()) || told && !inTheReadersWords.contains(field.id())) {
                    figures.put(field.id(), named);
                }
                if (told) {
                    inTheReadersWords.add(field.id());
                }
            });
        }
        return figures;
    }

    /** A figure by its key; one no deployed kind declares is named by its key, with the unit it was known by if any. */
    public NamedFigure of(String key) {
        return of(key, LocaleContextHolder.getLocale());
    }

    /**
     * A figure's value with the unit its kind declares beside it ({@code 120人}), as every page and file shows a figure:
     * one counted in yuan as money, in 万 and 亿, which says its unit itself. Templates call it as
     * {@code @figureWords.measured}.
     */
    public String measured(String key, BigDecimal value) {
        String unit = key == null || value == null ? "" : of(key).unit();
        if (unit.isEmpty() || YUAN.equals(unit)) {
            return YUAN.equals(unit) ? formats.yuan(value) : formats.figure(key, value);
        }
        return formats.number(value) + unit;
    }

    private NamedFigure of(String key, Locale locale) {
        return Optional.ofNullable(all(locale).get(key)).orElseGet(() -> new NamedFigure(key, key,
                Optional.ofNullable(Figure.KNOWN_BEFORE_KINDS_TOLD.get(key)).map(Figure::unit).orElse("")));
    }

    private NamedFigure named(DirectiveKind kind, StepForm.Field field, Locale locale) {
        return new NamedFigure(field.id(), texts.field(kind.key(), field.id(),
                field.label() == null ? field.id() : field.label(), locale), field.figureUnit());
    }

    /** {@code figure.<key>} and {@code figureUnit.<key>}, for the bundle that names everything else. */
    private final class KindsAsMessages extends AbstractMessageSource {

        @Override
        protected java.text.MessageFormat resolveCode(String code, Locale locale) {
            String text = resolveCodeWithoutArguments(code, locale);
            return text == null ? null : createMessageFormat(text.replace("'", "''"), locale);
        }

        @Override
        protected String resolveCodeWithoutArguments(String code, Locale locale) {
            boolean name = code.startsWith(NAME);
            if (!name && !code.startsWith(UNIT)) {
                return null;
            }
            String key = code.substring(name ? NAME.length() : UNIT.length());
            if (key.isEmpty() || key.contains(".")) {
                return null;
            }
            NamedFigure figure = of(key, locale);
            return name ? figure.name() : figure.unit();
        }
    }
}
