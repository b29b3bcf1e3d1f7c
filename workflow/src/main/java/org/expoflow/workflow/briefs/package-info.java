/**
 * Files a secretary prints, edits or sums: a meeting brief written once and laid out as a PDF, a Word document or a
 * spreadsheet, and the office's lists (tasks, overdue, statistics) as spreadsheets. What every office PDF and Word
 * document shares (the page, the red masthead, the embedded font, Chinese line breaks) is {@code OfficePdf} and
 * {@code OfficeWord}, which other features' files (the ranking's notice) lay themselves out with too.
 */
package org.expoflow.workflow.briefs;
