package org.expoflow.workflow.engine;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * Why a deployment was refused before the engine saw it, as a sentence in the reader's language
 * ({@code refusal.<code>} in the pages' bundles, the element's id and the attribute among the arguments)
 * and in English for the log and for a reader without a bundle.
 */
public record ModelRefusal(String code, List<String> arguments, String english) {

    static ModelRefusal of(String code, String english, String... arguments) {
        return new ModelRefusal(code, List.of(arguments), english);
    }

    /** The sentence for a reader of this language. */
    public String sentence(MessageSource messages, Locale locale) {
        return messages.getMessage("refusal." + code, arguments.toArray(), english, locale);
    }
}
