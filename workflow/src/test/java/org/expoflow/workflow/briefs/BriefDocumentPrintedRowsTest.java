package org.expoflow.workflow.briefs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * A printed brief lists each annex table up to its first 200 rows and then says how many more the spreadsheet holds
 * (a province's first brief lists every step of its expo as new); a short table prints whole, an empty one says so.
 */
class BriefDocumentPrintedRowsTest {

    @Test
    void aLongTablePrintsItsFirstRowsAndHowManyMoreTheSpreadsheetHolds() throws Exception {
        List<List<Object>> steps = new ArrayList<>();
        for (int i = 1; i <= BriefDocument.PRINTED_ROWS + 50; i++) {
            steps.add(List.of("环节" + i, "沈阳市"));
        }
        BriefText brief = new BriefText("会议简报", "第1期", "筹备工作办公室", "2030年1月6日", "第一次调度会", "现将情况简报如下。",
                "摘要", List.of(new BriefText.Section("一、总体进展", List.of("共下达督办事项1项。"), List.of())),
                new BriefText.Section("各项任务推进详情", List.of(), List.of()),
                new BriefTables.Table("各项任务推进详情", List.of("环节", "单位"), List.of()),
                new BriefText.Section("附表", List.of(), List.of(
                        new BriefTables.Table("上次会议以来变化", List.of("环节", "单位"), steps),
                        new BriefTables.Table("逾期环节明细", List.of("环节", "单位"), List.of(List.of("逾期一", "大连市"))),
                        new BriefTables.Table("延期申请明细", List.of("环节", "单位"), List.of()))),
                "另有{0}行，见电子表格。", "无");

        String text;
        try (PDDocument document = Loader.loadPDF(BriefDocument.of(brief))) {
            text = new PDFTextStripper().getText(document);
        }
        assertThat(text).contains("环节1 沈阳市", "环节" + BriefDocument.PRINTED_ROWS + " 沈阳市")
                .doesNotContain("环节" + (BriefDocument.PRINTED_ROWS + 1) + " ")
                .contains("另有50行，见电子表格。").contains("逾期一").doesNotContain("另有0行").contains("延期申请明细").containsPattern("环节 单位\\s*\\n无");
    }
}
