package org.expoflow.workflow.web;

import org.expoflow.workflow.http.Formats;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/** Money, numbers and times as a Chinese or an English reader of the pages expects them. */
class FormatsTest {

    private final Formats formats = new Formats(ZoneId.of("Asia/Shanghai"));

    @AfterEach
    void forgetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void chineseReadersSeeYuanInWanAndYiAndDatesTheChineseWay() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(formats.yuan(new BigDecimal("350000000"))).isEqualTo("3.5亿元");
        assertThat(formats.yuan(new BigDecimal("1200000"))).isEqualTo("120万元");
        assertThat(formats.yuan(new BigDecimal("8000"))).isEqualTo("8000元");
        assertThat(formats.figure("ordersSignedYuan", new BigDecimal("45000"))).isEqualTo("4.5万元");
        assertThat(formats.figure("buyersInvited", new BigDecimal("1234"))).isEqualTo("1,234");
        // 2030-02-01T15:59:59Z is one minute before midnight in the province
        assertThat(formats.date(Instant.parse("2030-02-01T15:59:59Z"))).isEqualTo("2030年2月1日");
        assertThat(formats.instant(Instant.parse("2030-02-01T15:59:59Z"))).isEqualTo("2030年2月1日 23:59");
    }

    @Test
    void englishReadersSeeGroupedYuanAndTheirOwnDates() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(formats.yuan(new BigDecimal("350000000"))).isEqualTo("¥350,000,000");
        assertThat(formats.date(Instant.parse("2030-02-01T15:59:59Z"))).isEqualTo("Feb 1, 2030");
        assertThat(formats.inputDateTime(Instant.parse("2030-02-01T15:59:59Z"))).isEqualTo("2030-02-01T23:59");
        assertThat(formats.date(null)).isEmpty();
    }
}
