package org.expoflow.projections.support;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * JSON kept in read-model columns (figures, history details). Keys are sorted so that a rebuilt
 * projection stores byte-identical text.
 */
public final class JsonColumns {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private JsonColumns() {
    }

    public static String write(Map<String, ?> value) {
        if (value == null) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(new TreeMap<>(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a read-model column as JSON", e);
        }
    }

    public static Map<String, BigDecimal> figures(String json) {
        return read(json, new TypeReference<TreeMap<String, BigDecimal>>() { });
    }

    public static Map<String, Object> details(String json) {
        return read(json, new TypeReference<TreeMap<String, Object>>() { });
    }

    private static <T extends Map<String, ?>> T read(String json, TypeReference<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a read-model JSON column cannot be read", e);
        }
    }
}
