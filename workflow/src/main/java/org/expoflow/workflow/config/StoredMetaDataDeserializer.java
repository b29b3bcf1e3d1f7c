package org.expoflow.workflow.config;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.axonframework.messaging.MetaData;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;

/**
 * A stored event's metadata (its actor, its correlation and trace ids) read as Axon's own deserializer reads
 * it, a map of names to values, with the map's deserializer found once rather than for every event: finding
 * it again (looked up, then fitted to its context) was four fifths of reading an event's metadata and 8% of
 * a rebuild's reading thread on the province's store (its flight recording).
 */
final class StoredMetaDataDeserializer extends JsonDeserializer<MetaData> implements ResolvableDeserializer {

    private JsonDeserializer<Object> values;

    @Override
    public void resolve(DeserializationContext context) throws JsonMappingException {
        values = context.findRootValueDeserializer(context.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
    }

    @Override
    @SuppressWarnings("unchecked")
    public MetaData deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        return MetaData.from((Map<String, ?>) values.deserialize(parser, context, new HashMap<>()));
    }

    @Override
    public Object deserializeWithType(JsonParser parser, DeserializationContext context, TypeDeserializer typeDeserializer)
            throws IOException {
        return typeDeserializer.deserializeTypedFromObject(parser, context);
    }

    @Override
    public boolean isCachable() {
        return true;
    }
}
