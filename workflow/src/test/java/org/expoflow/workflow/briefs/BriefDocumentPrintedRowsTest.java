package org.expoflow.workflow.briefs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * A printed brief lists each table up to its first 200 rows and then says how many more the spreadsheet holds
 * (a province's first brief lists every step of its expo as new); a short table prints whole.
 */
class BriefDocumentPrintedRowsTest {

    @Test
    void aLongTablePrintsItsFirstRowsAndHowManyMoreTheSpreadsheetHolds() throws Exception {
        List<List<Object>> steps = new ArrayList<>();
        for (int i = 1; i <= BriefDocument.PRINTED_ROWS + 50; i++) {
            steps.add(List.of("step-" + i, "沈阳市"));
        }
        byte[] pdf = BriefDocument.of("第一次调度会", "截至 2030-01-06", List.of(
                new BriefTables.Table("新增任务 New steps", List.of("任务 Step", "单位 Unit"), steps),
                new BriefTables.Table("逾期 Overdue", List.of("任务 Step", "单位 Unit"), List.of(List.of("late-1", "大连市")))));

        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document);
        }
        assertThat(text).contains("step-1 沈阳市", "step-" + BriefDocument.PRINTED_ROWS + " 沈阳市")
                .doesNotContain("step-" + (BriefDocument.PRINTED_ROWS + 1) + " ")
                .contains("另有 50 行，见 Excel 文件").contains("late-1").doesNotContain("另有 0 行");
    }
}
