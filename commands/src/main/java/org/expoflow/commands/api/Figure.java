package org.expoflow.commands.api;

import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A figure a directive kind declares: its key (what the API, the form field and the stored events use) and its
 * unit as the office writes it ({@code 人}, {@code 家}, {@code 万元}). Which figures exist is the kinds' business,
 * not the code's: a kind brings its own. What every figure shares is the range the read models store and sum.
 */
public record Figure(String key, String unit) {

    /**
     * The figures ExpoFlow knew before kinds declared their own, with the units it showed them in. Frozen, for what was
     * recorded before: a kind deployed then names these as form fields without declaring them, and a directive or task
     * recorded then carries no list of its kind's figures. A new figure is declared by its kind, never added here.
     */
    public static final Map<String, Figure> KNOWN_BEFORE_KINDS_TOLD = Stream.of(
                    new Figure("buyersInvited", "家"), new Figure("buyersConfirmed", "家"),
                    new Figure("exhibitingEnterprises", "家"), new Figure("exhibitsShipped", "件"),
                    new Figure("boothAreaM2", "平方米"), new Figure("ordersIntentionalYuan", "元"),
                    new Figure("ordersSignedYuan", "元"), new Figure("projectsSigned", "个"),
                    new Figure("projectsSignedValueYuan", "元"), new Figure("themeActivities", "场"),
                    new Figure("publicityItems", "篇"))
            .collect(Collectors.toUnmodifiableMap(Figure::key, Function.identity()));

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
