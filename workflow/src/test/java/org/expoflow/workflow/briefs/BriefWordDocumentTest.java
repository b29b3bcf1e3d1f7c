package org.expoflow.workflow.briefs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

/**
 * The Word brief is laid out as an office's: masthead, issue, the issuing office and the date on one line over a rule,
 * the title, the numbered sections; a bilingual line breaks between its languages; a long annex table stops at the
 * PDF's 200 rows and says how many more the spreadsheet holds.
 */
class BriefWordDocumentTest {

    @Test
    void aBriefAsTheSecretaryEditsIt() throws Exception {
        List<List<Object>> steps = new ArrayList<>();
        for (int i = 1; i <= BriefDocument.PRINTED_ROWS + 5; i++) {
            steps.add(List.of("环节" + i, "沈阳市"));
        }
        BriefText brief = new BriefText("会议简报", "第2期", "筹备工作办公室", "2030年1月6日", "第二次调度会", "现将情况简报如下。",
                "摘要", List.of(new BriefText.Section("一、总体进展 1. Overall progress",
                        List.of("共下达督办事项1项。\n1 directive issued."), List.of())),
                new BriefText.Section("各项任务推进详情", List.of(), List.of()),
                new BriefTables.Table("各项任务推进详情", List.of("环节", "单位"), List.of()),
                new BriefText.Section("附表", List.of(), List.of(new BriefTables.Table("上次会议以来变化", List.of("环节", "单位"), steps))),
                "另有{0}行，见电子表格。", "无");

        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(BriefWordDocument.of(brief, Instant.EPOCH)))) {
            List<String> paragraphs = document.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(paragraphs).containsSubsequence("会议简报", "第2期", "筹备工作办公室\t2030年1月6日", "第二次调度会",
                    "现将情况简报如下。", "一、总体进展 1. Overall progress", "共下达督办事项1项。\n1 directive issued.", "附表",
                    "上次会议以来变化", "另有5行，见电子表格。");
            XWPFTable changes = document.getTables().get(0);
            assertThat(changes.getNumberOfRows()).isEqualTo(BriefDocument.PRINTED_ROWS + 1);
            assertThat(changes.getRow(0).getCell(0).getText()).isEqualTo("环节");
            assertThat(changes.getRow(0).isRepeatHeader()).as("the headings repeat on every page").isTrue();
            assertThat(document.getParagraphs().get(0).getRuns().get(0).getColor()).as("the red masthead").isEqualTo("C00000");
        }
    }
}
