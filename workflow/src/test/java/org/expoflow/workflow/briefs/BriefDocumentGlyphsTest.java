package org.expoflow.workflow.briefs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.lowagie.text.pdf.BaseFont;

/** The printed brief has a glyph for every character it prints: "日本·大阪" prints its dot, not an empty box. */
class BriefDocumentGlyphsTest {

    @Test
    void everyCharacterPrintedHasAGlyphInTheFont() throws Exception {
        BaseFont song = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
        String seed = "日本·大阪 • 第一次调度会 — 沈阳市：“邀请” 100% ‐ A";

        String printed = BriefDocument.printable(seed, song);

        assertThat(song.charExists('\u00b7')).as("the font lacks the Latin middle dot").isFalse();
        assertThat(printed).startsWith("日本・大阪").contains("第一次调度会").contains("沈阳市：“邀请” 100%");
        assertThat(printed.codePoints().filter(c -> !Character.isWhitespace(c)).allMatch(song::charExists)).isTrue();
    }
}
