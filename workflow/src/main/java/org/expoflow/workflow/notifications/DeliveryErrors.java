package org.expoflow.workflow.notifications;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Why a delivery did not get through, in the reader's words. The channels record their reasons in English, as the
 * logs and the API give them ("the robot answered 500"); the administrator's pages say the ones ExpoFlow's channels
 * give in the reader's language, and any other (a mail server's own) as recorded.
 */
@Component
public class DeliveryErrors {

    private static final Pattern ANSWERED = Pattern.compile("the robot answered (\\d{3})");

    private final MessageSource messages;

    DeliveryErrors(MessageSource messages) {
        this.messages = messages;
    }

    public String inWords(String recorded) {
        if (recorded == null) {
            return null;
        }
        Locale locale = LocaleContextHolder.getLocale();
        Matcher answered = ANSWERED.matcher(recorded);
        if (answered.matches()) {
            return messages.getMessage("deliveryError.answered", new Object[] {answered.group(1)}, recorded, locale);
        }
        String key = switch (recorded) {
            case RobotAddresses.REFUSED -> "deliveryError.refused";
            case "the robot could not be reached" -> "deliveryError.unreachable";
            case "interrupted while posting to the robot" -> "deliveryError.interrupted";
            default -> null;
        };
        return key == null ? recorded : messages.getMessage(key, null, recorded, locale);
    }
}
