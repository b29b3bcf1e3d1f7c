package org.expoflow.workflow.http;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.function.Function;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Numbers, money and times as the reader expects them: in Chinese, yuan in 万 and 亿 and dates as
 * 2030年2月1日; in English, grouped digits and 1 Feb 2030. Times are shown in the province's zone.
 * Templates call it as {@code @fmt}; a figure with the unit its kind declares is {@code @figureWords.measured}.
 */
@Component("fmt")
public class Formats {

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
    private static final BigDecimal HUNDRED_MILLION = BigDecimal.valueOf(100_000_000);

    private final ZoneId provinceZone;

    public Formats(@Value("${expoflow.time-zone}") ZoneId provinceZone) {
        this.provinceZone = provinceZone;
    }

    public String instant(Instant instant) {
        return inProvince(instant, "yyyy年M月d日 HH:mm",
                locale -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale));
    }

    public String date(Instant instant) {
        return inProvince(instant, "yyyy年M月d日", locale -> DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
    }

    /** A day of this year as a date in a list says it: 12月14日; 14 Dec in English. */
    public String monthDay(Instant instant) {
        return inProvince(instant, "M月d日", locale -> DateTimeFormatter.ofPattern("d MMM", locale));
    }

    /** Chinese by its own pattern (the JDK's short forms are not what the offices write), other languages by their locale's. */
    private String inProvince(Instant instant, String chinesePattern, Function<Locale, DateTimeFormatter> otherwise) {
        if (instant == null) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        DateTimeFormatter format = locale.getLanguage().equals("zh")
                ? DateTimeFormatter.ofPattern(chinesePattern, locale) : otherwise.apply(locale);
        return format.format(instant.atZone(provinceZone));
    }

    /** The value for a datetime-local input, in the province's zone. */
    public String inputDateTime(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").format(instant.atZone(provinceZone));
    }

    public String number(BigDecimal value) {
        return value == null ? "" : NumberFormat.getNumberInstance(LocaleContextHolder.getLocale()).format(value);
    }

    /** A figure's value: money figures (keys ending in Yuan) as money, the rest as numbers. */
    public String figure(String key, BigDecimal value) {
        return key != null && key.endsWith("Yuan") ? yuan(value) : number(value);
    }

    public String yuan(BigDecimal value) {
        if (value == null) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        if (!locale.getLanguage().equals("zh")) {
            NumberFormat money = NumberFormat.getNumberInstance(locale);
            money.setMaximumFractionDigits(0);
            return "¥" + money.format(value);
        }
        BigDecimal magnitude = value.abs();
        if (magnitude.compareTo(HUNDRED_MILLION) >= 0) {
            return plain(value.divide(HUNDRED_MILLION, 2, RoundingMode.HALF_UP)) + "亿元";
        }
        if (magnitude.compareTo(TEN_THOUSAND) >= 0) {
            return plain(value.divide(TEN_THOUSAND, 2, RoundingMode.HALF_UP)) + "万元";
        }
        return plain(value) + "元";
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
