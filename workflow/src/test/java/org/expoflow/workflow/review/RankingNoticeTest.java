package org.expoflow.workflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.expoflow.projections.api.UnitMonth;
import org.expoflow.workflow.application.OfficeFile;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The month's notice (通报) names the best units and the worst with the numbers that put them there, in Chinese, then
 * every unit's row; a score fallen since the month before prints its minus, which the font has no glyph for, as "-".
 */
class RankingNoticeTest {

    private static UnitRanking.UnitScore unit(int rank, String unitId, String score, String trend, int onTime, int late,
                                              String daysLate, int chaseUps, int returns) {
        UnitMonth counts = new UnitMonth(unitId, unitId, onTime, late, 0, new BigDecimal(daysLate), chaseUps, returns, 0, 0);
        BigDecimal hundred = new BigDecimal("100.0");
        return new UnitRanking.UnitScore(rank, unitId, unitId, new BigDecimal(score), trend == null ? null : new BigDecimal(trend),
                null, new UnitRanking.Parts(hundred, hundred, hundred, hundred, hundred, hundred), counts, null);
    }

    @Test
    void theNoticeNamesTheBestAndTheWorstWithTheirNumbers() throws Exception {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        RankingSettings settings = new RankingSettings(new RankingSettings.Weights(BigDecimal.valueOf(30), BigDecimal.valueOf(20),
                BigDecimal.valueOf(15), BigDecimal.valueOf(10), BigDecimal.valueOf(10), BigDecimal.valueOf(15)),
                BigDecimal.valueOf(5), BigDecimal.valueOf(20), BigDecimal.valueOf(20));
        UnitRanking.Ranking ranking = new UnitRanking.Ranking("osaka", "首届辽宁出口商品（日本·大阪）展览会", YearMonth.of(2030, 1),
                Instant.parse("2029-12-31T16:00:00Z"), Instant.parse("2030-01-31T16:00:00Z"), settings, List.of(
                unit(1, "shenyang", "98.0", "3.5", 12, 0, "0.0", 0, 0),
                unit(2, "dalian", "91.0", null, 10, 1, "1.5", 0, 1),
                unit(3, "anshan", "72.5", "-2.0", 7, 3, "6.0", 1, 0),
                unit(4, "fushun", "60.0", "-8.5", 5, 4, "12.5", 3, 2)));

        OfficeFile notice = new RankingNotice(messages).of(ranking, Map.of("shenyang", "沈阳市", "dalian", "大连市", "anshan", "鞍山市",
                "fushun", "抚顺市"), Locale.SIMPLIFIED_CHINESE);

        assertThat(notice.name()).isEqualTo("首届辽宁出口商品（日本·大阪）展览会2030年1月督办考核通报.pdf");
        assertThat(notice.mediaType()).isEqualTo("application/pdf");
        try (PDDocument document = Loader.loadPDF(notice.content())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("2030年1月督办考核通报").contains("对 4 个单位进行了考核评分");
            assertThat(text).contains("表现较好的单位：沈阳市（98.0 分，按时完成 12 项，逾期 0 项共 0.0 天，催办 0 次，退回 0 次）");
            assertThat(text).contains("有待改进的单位：抚顺市（60.0 分，按时完成 5 项，逾期 4 项共 12.5 天，催办 3 次，退回 2 次）");
            assertThat(text).contains("名次").contains("较上月").contains("+3.5").contains("-8.5");
            assertThat(text).doesNotContain("shenyang").doesNotContain("onTime");
        }
    }
}
