package org.expoflow.commands.api;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

/**
 * The typed figures units report, summed per unit and per expo and compared with targets.
 * The key is what the API, the BPMN form fields and the stored events use.
 */
public enum Figure {
    BUYERS_INVITED("buyersInvited"),
    BUYERS_CONFIRMED("buyersConfirmed"),
    EXHIBITING_ENTERPRISES("exhibitingEnterprises"),
    EXHIBITS_SHIPPED("exhibitsShipped"),
    BOOTH_AREA_M2("boothAreaM2"),
    ORDERS_INTENTIONAL_YUAN("ordersIntentionalYuan"),
    ORDERS_SIGNED_YUAN("ordersSignedYuan"),
    PROJECTS_SIGNED("projectsSigned"),
    PROJECTS_SIGNED_VALUE_YUAN("projectsSignedValueYuan"),
    THEME_ACTIVITIES("themeActivities"),
    PUBLICITY_ITEMS("publicityItems");

    /**
     * Ten thousand trillion: far above any expo's figure (Liaoning's largest, 380.5 billion yuan, is 3.8e11),
     * and low enough that the sum over every unit and directive of an expo still fits the read models'
     * {@code numeric(24, 4)}.
     */
    public static final BigDecimal LIMIT = new BigDecimal("1e16");
    public static final int MAX_DECIMALS = 4;

    private final String key;

    Figure(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<Figure> ofKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }

    public static boolean isKnown(String key) {
        return ofKey(key).isPresent();
    }

    /** Whether the read models can store and sum this value: below {@link #LIMIT}, at most {@link #MAX_DECIMALS} decimals. */
    public static boolean isStorable(BigDecimal value) {
        return value.compareTo(LIMIT) < 0 && value.stripTrailingZeros().scale() <= MAX_DECIMALS;
    }
}
