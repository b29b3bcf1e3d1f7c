package org.expoflow.workflow.http;

import java.io.IOException;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Text people read (names, titles, notes, comments) is plain: line breaks and tabs, but no control
 * characters (NUL, BEL, escape sequences, C1 controls) and no bidirectional overrides, which make a
 * name read differently from what it is. Every string of every JSON body is checked here, as Spring
 * registers this module with the API's object mapper; the pages' forms are checked by
 * {@code PlainTextForms}. Either way the refusal is a 400 naming the field, before anything is written.
 */
@Component
public class PlainText extends SimpleModule {

    public PlainText() {
        super("expoflow-plain-text");
        addDeserializer(String.class, new PlainTextDeserializer());
    }

    /** The first character a person's text may not hold, as {@code U+0000}, or null when it has none. */
    public static String forbiddenCharacter(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || (c >= 0x7f && c <= 0x9f);
            boolean bidiOverride = (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
            if (control || bidiOverride) {
                return String.format("U+%04X", (int) c);
            }
        }
        return null;
    }

    public static String refusal(String field, String character) {
        return field + " holds the control character " + character + ": only printable text, line breaks and tabs";
    }

    private static final class PlainTextDeserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            String character = forbiddenCharacter(text);
            if (character != null) {
                String field = parser.currentName() == null ? "body" : parser.currentName();
                throw InvalidFormatException.from(parser, refusal(field, character), text, String.class);
            }
            return text;
        }
    }
}
