package org.expoflow.workflow.briefs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;

/**
 * A brief asked for in both languages: written once in Chinese and once in English from the same figures, then laid
 * side by side, Chinese first, so that a reader of either finds every heading, sentence and cell in their language.
 */
final class BilingualBrief {

    private BilingualBrief() {
    }

    /** Two writings of one brief laid side by side: each sentence of the second after the first's, each word beside it. */
    static BriefText sideBySide(BriefText first, BriefText second) {
        BinaryOperator<String> words = BilingualBrief::besides;
        BinaryOperator<String> sentences = (a, b) -> a.equals(b) ? a : a + "\n" + b;
        List<BriefText.Section> summary = new ArrayList<>();
        for (int i = 0; i < first.summary().size(); i++) {
            summary.add(sideBySide(first.summary().get(i), second.summary().get(i)));
        }
        return new BriefText(words.apply(first.masthead(), second.masthead()), words.apply(first.issue(), second.issue()),
                first.issuer(), first.date(), sentences.apply(first.title(), second.title()),
                sentences.apply(first.lead(), second.lead()), words.apply(first.summaryTitle(), second.summaryTitle()), summary,
                sideBySide(first.details(), second.details()), sideBySide(first.everyDirective(), second.everyDirective()),
                sideBySide(first.annex(), second.annex()), sentences.apply(first.moreRows(), second.moreRows()),
                words.apply(first.none(), second.none()));
    }

    /**
     * A word beside its translation, once when both say the same: a unit's English name already follows its Chinese
     * one ("鞍山市 Anshan"), a number is a number.
     */
    private static String besides(String chinese, String english) {
        if (english.contains(chinese)) {
            return english;
        }
        return chinese.contains(english) ? chinese : chinese + " " + english;
    }

    private static BriefText.Section sideBySide(BriefText.Section first, BriefText.Section second) {
        List<String> paragraphs = new ArrayList<>();
        for (int i = 0; i < first.paragraphs().size(); i++) {
            paragraphs.add(first.paragraphs().get(i) + "\n" + second.paragraphs().get(i));
        }
        List<BriefTables.Table> tables = new ArrayList<>();
        for (int i = 0; i < first.tables().size(); i++) {
            tables.add(sideBySide(first.tables().get(i), second.tables().get(i)));
        }
        List<BriefText.Section> parts = new ArrayList<>();
        for (int i = 0; i < first.parts().size(); i++) {
            parts.add(sideBySide(first.parts().get(i), second.parts().get(i)));
        }
        String heading = first.heading().equals(second.heading()) ? first.heading() : first.heading() + " " + second.heading();
        return new BriefText.Section(heading, paragraphs, tables, parts);
    }

    private static BriefTables.Table sideBySide(BriefTables.Table first, BriefTables.Table second) {
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < first.headers().size(); i++) {
            headers.add(first.headers().get(i) + " " + second.headers().get(i));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < first.rows().size(); r++) {
            List<Object> row = new ArrayList<>();
            for (int c = 0; c < first.rows().get(r).size(); c++) {
                Object a = first.rows().get(r).get(c);
                Object b = second.rows().get(r).get(c);
                row.add(a instanceof String one && b instanceof String other ? besides(one, other) : a);
            }
            rows.add(row);
        }
        String title = first.title().equals(second.title()) ? first.title() : first.title() + " " + second.title();
        return new BriefTables.Table(title, headers, rows);
    }
}
