package org.expoflow.workflow.briefs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.lowagie.text.pdf.BaseFont;

/**
 * The font of every printed file (a brief, a notice), shipped with ExpoFlow, has a glyph for the Chinese, the Latin
 * letters and the punctuation a brief prints ("日本·大阪", “”, ％, 2026年12月7日); a character it lacks prints as "?",
 * never as an empty box; a minus of another code prints as the hyphen.
 */
class OfficePdfGlyphsTest {

    @Test
    void everyCharacterPrintedHasAGlyphInTheFont() {
        BaseFont font = OfficePdf.font();
        String seed = "日本·大阪 • 第一次调度会 — 沈阳市：“邀请” 100% ‐ A 2026年12月7日（第3期）、葫芦岛市";

        String printed = OfficePdf.printable(seed, font);

        assertThat(printed).isEqualTo(seed);
        assertThat(printed.codePoints().filter(c -> !Character.isWhitespace(c)).allMatch(font::charExists)).isTrue();
        assertThat(OfficePdf.printable("\uD83C\uDF8C", font)).as("a character with no glyph nor stand-in").isEqualTo("?");
        assertThat(OfficePdf.printable("较上月 \u22122.0", font)).as("a fallen score keeps its minus").endsWith("2.0").doesNotContain("?");
        assertThat(font.getPostscriptFontName()).isEqualTo("WenQuanYiMicroHei");
    }
}
