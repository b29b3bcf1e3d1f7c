package org.expoflow.workflow.config;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.common.DateTimeUtils;

/**
 * Reads the {@code time_stamp} column of the event store. Axon writes every event's time as
 * {@code 2026-12-06T07:48:38.564Z} (UTC, milliseconds) and reads it back with a {@code DateTimeFormatter},
 * a visible share of a rebuild, which reads every event
 * (docs/adr/0009-axon-plumbing-trimmed.md). That one shape is read here by hand; any other (a store
 * written by another Axon version or by hand) goes to Axon's own parser.
 */
final class StoredTimestamps {

    private static final int LENGTH = "2026-12-06T07:48:38.564Z".length();

    private StoredTimestamps() {
    }

    static Instant parse(String stored) {
        if (stored.length() == LENGTH && stored.charAt(4) == '-' && stored.charAt(7) == '-' && stored.charAt(10) == 'T'
                && stored.charAt(13) == ':' && stored.charAt(16) == ':' && stored.charAt(19) == '.' && stored.charAt(23) == 'Z') {
            int year = digits(stored, 0, 4);
            int month = digits(stored, 5, 7);
            int day = digits(stored, 8, 10);
            int hour = digits(stored, 11, 13);
            int minute = digits(stored, 14, 16);
            int second = digits(stored, 17, 19);
            int millis = digits(stored, 20, 23);
            if (year >= 0 && month >= 0 && day >= 0 && millis >= 0 && hour >= 0 && hour < 24 && minute >= 0 && minute < 60
                    && second >= 0 && second < 60) {
                try {
                    long epochDay = LocalDate.of(year, month, day).toEpochDay();
                    return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, millis * 1_000_000L);
                } catch (DateTimeException noSuchDay) {
                    // Axon's parser names what is wrong with it
                }
            }
        }
        return DateTimeUtils.parseInstant(stored);
    }

    /** The decimal number in {@code text} from {@code start} to {@code end}, or -1 when a character is not a digit. */
    private static int digits(String text, int start, int end) {
        int number = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            number = number * 10 + (c - '0');
        }
        return number;
    }
}
