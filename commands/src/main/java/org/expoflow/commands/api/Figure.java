package org.expoflow.commands.api;

import java.math.BigDecimal;

/**
 * A figure a directive kind declares: its key (what the API, the form field and the stored events use) and its
 * unit as the office writes it ({@code 人}, {@code 家}, {@code 万元}). Which figures exist is the kinds' business,
 * not the code's: a kind brings its own. What every figure shares is the range the read models store and sum.
 */
public record Figure(String key, String unit) {

    /**
     * Far above any expo's figure, and low enough that the sum over every unit and directive of an expo still fits
     * the read models' {@code numeric(24, 4)}.
     */
    public static final BigDecimal LIMIT = new BigDecimal("1e16");
    public static final int MAX_DECIMALS = 4;

    /** Whether the read models can store and sum this value: below {@link #LIMIT}, at most {@link #MAX_DECIMALS} decimals. */
    public static boolean isStorable(BigDecimal value) {
        return value.compareTo(LIMIT) < 0 && value.stripTrailingZeros().scale() <= MAX_DECIMALS;
    }
}
