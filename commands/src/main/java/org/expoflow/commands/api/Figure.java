package org.expoflow.commands.api;

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
}
