package org.expoflow.workflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.projections.api.UnitMonth;
import org.expoflow.workflow.application.OfficeFile;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The month's notice (通报) is laid out as an office writes one, as a PDF to print and as a Word document to edit: the
 * masthead, its number, the issuing office and the date written the Chinese way, the title, the units it goes to, the
 * best units and the worst named with the numbers that put them there, what is asked, then every unit's row; in
 * Chinese, with no code key anywhere.
 */
class RankingNoticeTest {

    private static final Map<String, String> NAMES = Map.of("shenyang", "沈阳市", "dalian", "大连市", "anshan", "鞍山市",
            "fushun", "抚顺市", "benxi", "本溪市", "dandong", "丹东市", "jinzhou", "锦州市");

    private static UnitRanking.UnitScore unit(int rank, String unitId, String score, String trend, int onTime, int late,
                                              String daysLate, int chaseUps, int returns) {
        UnitMonth counts = new UnitMonth(unitId, unitId, onTime, late, 0, new BigDecimal(daysLate), chaseUps, returns, 0, 0);
        BigDecimal hundred = new BigDecimal("100.0");
        return new UnitRanking.UnitScore(rank, unitId, unitId, new BigDecimal(score), trend == null ? null : new BigDecimal(trend),
                null, new UnitRanking.Parts(hundred, hundred, hundred, hundred, hundred, hundred), counts, null);
    }

    /** January 2030 of seven units, as the office weighed it. */
    private static UnitRanking.Ranking january() {
        RankingSettings settings = new RankingSettings(new RankingSettings.Weights(BigDecimal.valueOf(30), BigDecimal.valueOf(20),
                BigDecimal.valueOf(15), BigDecimal.valueOf(10), BigDecimal.valueOf(10), new BigDecimal("15.00")),
                BigDecimal.valueOf(5), BigDecimal.valueOf(20), BigDecimal.valueOf(20));
        return new UnitRanking.Ranking("osaka", "首届辽宁出口商品（日本·大阪）展览会", YearMonth.of(2030, 1),
                Instant.parse("2029-12-31T16:00:00Z"), Instant.parse("2030-01-31T16:00:00Z"), settings, List.of(
                unit(1, "shenyang", "98.0", "3.5", 12, 0, "0.0", 0, 0),
                unit(2, "dalian", "91.0", null, 10, 1, "1.5", 0, 1),
                unit(3, "benxi", "88.5", "0.5", 9, 1, "2.0", 0, 0),
                unit(4, "dandong", "80.0", "1.0", 8, 2, "3.0", 0, 0),
                unit(5, "jinzhou", "75.0", "-1.0", 7, 2, "4.0", 1, 0),
                unit(6, "anshan", "72.5", "-2.0", 7, 3, "6.0", 1, 0),
                unit(7, "fushun", "60.0", "-8.5", 5, 4, "12.5", 3, 2)));
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    private static RankingNotice notice() {
        return new RankingNotice(messages(), ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void theWordNoticeIsWrittenAsAnOfficeWritesATongbao() throws Exception {
        OfficeFile notice = notice().of(january(), NAMES, Locale.SIMPLIFIED_CHINESE, "docx");

        assertThat(notice.name()).isEqualTo("首届辽宁出口商品（日本·大阪）展览会2030年1月督办考核通报.docx");
        assertThat(notice.mediaType()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(notice.content()))) {
            List<String> paragraphs = document.getParagraphs().stream().map(XWPFParagraph::getText)
                    .filter(text -> !text.isBlank()).toList();
            assertThat(paragraphs).containsSubsequence(
                    "督办考核通报",
                    "〔2030〕1号",
                    // a past month's notice is dated the day after it, written as a 公文 dates itself
                    "首届辽宁出口商品（日本·大阪）展览会筹备工作办公室\t2030年2月1日",
                    "关于2030年1月督办事项考核评分情况的通报",
                    "各有关单位：",
                    "根据2030年1月各单位督办事项的办理情况，从按时完成、逾期天数、催办、退回、按期汇报和指标完成六个方面，对7个单位进行了考核评分。现将结果通报如下。",
                    "一、表现较好的单位",
                    "沈阳市（98.0分，按时完成12项，无逾期，催办0次，退回0次）；大连市（91.0分，按时完成10项，逾期1项共1.5天，催办0次，"
                            + "退回1次）；本溪市（88.5分，按时完成9项，逾期1项共2天，催办0次，退回0次）。",
                    "二、有待改进的单位",
                    "抚顺市（60.0分，按时完成5项，逾期4项共12.5天，催办3次，退回2次）；鞍山市（72.5分，按时完成7项，逾期3项共6天，催办1次，"
                            + "退回0次）；锦州市（75.0分，按时完成7项，逾期2项共4天，催办1次，退回0次）。",
                    "三、有关要求",
                    "附件：2030年1月各单位考核评分表",
                    "评分说明：各项满分100分，得分为各项加权平均，权重为按时完成30、逾期天数20、催办15、退回10、按期汇报10、指标完成15。");
            assertThat(document.getParagraphs().get(0).getRuns().get(0).getColor()).as("the red masthead").isEqualTo("C00000");

            XWPFTable table = document.getTables().get(0);
            assertThat(table.getNumberOfRows()).as("headings and seven units").isEqualTo(8);
            assertThat(table.getRow(0).isRepeatHeader()).isTrue();
            assertThat(table.getRow(0).getTableCells().stream().map(cell -> cell.getText()).toList()).containsExactly("名次", "单位",
                    "得分", "较上月", "按时完成", "逾期完成", "逾期未完成", "逾期天数", "催办", "退回", "按期汇报", "指标完成率");
            assertThat(table.getRow(1).getTableCells().stream().map(cell -> cell.getText()).toList()).containsExactly("1", "沈阳市",
                    "98.0", "+3.5", "12", "0", "0", "0.0", "0", "0", "—", "—");
            assertThat(table.getRow(7).getCell(3).getText()).isEqualTo("−8.5");

            String everything;
            try (XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
                everything = extractor.getText();
            }
            assertThat(everything).as("no unit id, column key or message key").doesNotContainPattern("[A-Za-z]{2,}");
        }
    }

    @Test
    void thePdfNoticeSaysTheSame() throws Exception {
        OfficeFile notice = notice().of(january(), NAMES, Locale.SIMPLIFIED_CHINESE, "pdf");

        assertThat(notice.name()).isEqualTo("首届辽宁出口商品（日本·大阪）展览会2030年1月督办考核通报.pdf");
        assertThat(notice.mediaType()).isEqualTo("application/pdf");
        try (PDDocument document = Loader.loadPDF(notice.content())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            assertThat(text).contains("督办考核通报").contains("〔2030〕1号").contains("2030年2月1日")
                    .contains("关于2030年1月督办事项考核评分情况的通报").contains("各有关单位：").contains("对7个单位进行了考核评分");
            assertThat(text).contains("一、表现较好的单位沈阳市（98.0分，按时完成12项，无逾期，催办0次，退回0次）");
            assertThat(text).contains("二、有待改进的单位抚顺市（60.0分，按时完成5项，逾期4项共12.5天，催办3次，退回2次）");
            assertThat(text).contains("名次").contains("较上月").contains("+3.5").containsPattern("[−-]8\\.5");
            assertThat(text).doesNotContain("shenyang").doesNotContain("onTime").doesNotContain("notice.").doesNotContain("?");
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("首届辽宁出口商品（日本·大阪）展览会2030年1月督办考核通报");
        }
    }

    @Test
    void aNoticeComesAsPdfOrWordOnly() {
        assertThatThrownBy(() -> notice().of(january(), NAMES, Locale.SIMPLIFIED_CHINESE, "xlsx"))
                .isInstanceOfSatisfying(DomainRuleViolation.class, refused -> assertThat(refused.field()).isEqualTo("format"));
    }
}
