package org.expoflow.workflow.briefs;

import java.util.List;
import java.util.Locale;

/**
 * The language a brief is written in: the reader's (Chinese or English), or both when asked for, Chinese first, for a
 * meeting with foreign guests.
 */
public enum BriefLanguage {
    CHINESE(List.of(Locale.SIMPLIFIED_CHINESE)),
    ENGLISH(List.of(Locale.ENGLISH)),
    BILINGUAL(List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH));

    private final List<Locale> locales;

    BriefLanguage(List<Locale> locales) {
        this.locales = locales;
    }

    /** The languages written, the first the one dates, numbering and punctuation follow. */
    public List<Locale> locales() {
        return locales;
    }

    public Locale first() {
        return locales.get(0);
    }

    /** The reader's language, or both when {@code bilingual}. */
    public static BriefLanguage of(Locale reader, boolean bilingual) {
        if (bilingual) {
            return BILINGUAL;
        }
        return reader != null && reader.getLanguage().equals("en") ? ENGLISH : CHINESE;
    }
}
