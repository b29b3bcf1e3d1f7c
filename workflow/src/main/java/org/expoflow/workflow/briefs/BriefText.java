package org.expoflow.workflow.briefs;

import java.util.List;

/**
 * A meeting brief as the office writes it (公文), whatever it is printed on: a masthead with its issue number (第3期),
 * the issuing office and the date; the meeting's title and a lead sentence; the one-page summary in numbered sections
 * (overall progress; due and done since the last meeting; overdue steps by unit, worst first; key figures against
 * targets; chase-ups and notices; leaders' instructions and their feedback; extension requests; and a ranking of units
 * when one is given); then each directive in detail, its units in the register's order ({@code everyDirective}: the
 * same as one table, for a spreadsheet); then the annex tables, every row the summary counted. {@code moreRows} says
 * how many rows a printed table left to the spreadsheet ({0}), {@code none} stands in an empty table. The PDF, the Word document and the spreadsheet are each written from this one text.
 */
public record BriefText(String masthead, String issue, String issuer, String date, String title, String lead,
                        String summaryTitle, List<Section> summary, Section details, BriefTables.Table everyDirective,
                        Section annex, String moreRows, String none) {

    /**
     * A numbered part: its heading, its paragraphs, then its tables; a part may hold parts of its own (a directive in
     * the details, a table in the annex).
     */
    public record Section(String heading, List<String> paragraphs, List<BriefTables.Table> tables, List<Section> parts) {

        public Section(String heading, List<String> paragraphs, List<BriefTables.Table> tables) {
            this(heading, paragraphs, tables, List.of());
        }
    }
}
