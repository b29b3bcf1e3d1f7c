package org.expoflow.workflow.briefs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Every word of the brief exists for a Chinese reader and an English one, and the Chinese words hold no English: a
 * Chinese brief reads in Chinese from its masthead to its last heading.
 */
class BriefWordsTest {

    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{2,}");

    private static Properties words(String name) throws IOException {
        Properties words = new Properties();
        try (InputStream in = BriefWordsTest.class.getResourceAsStream("/briefs/" + name)) {
            words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return words;
    }

    @Test
    void chineseAndEnglishHaveTheSameWordsAndTheChineseHoldNoEnglish() throws IOException {
        Properties chinese = words("words.properties");
        Properties english = words("words_en.properties");

        assertThat(new TreeSet<>(english.stringPropertyNames())).isEqualTo(new TreeSet<>(chinese.stringPropertyNames()));
        chinese.forEach((key, value) -> {
            assertThat(value.toString()).as("Chinese " + key).isNotBlank();
            assertThat(LATIN_WORD.matcher(value.toString()).find()).as("Chinese " + key + ": " + value).isFalse();
        });
        english.forEach((key, value) -> assertThat(value.toString()).as("English " + key).isNotBlank());
    }
}
