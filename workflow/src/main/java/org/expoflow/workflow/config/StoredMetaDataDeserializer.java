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
 * it, a map of names to values, with the map's deserializer found once rather than for every event: Axon's
 * finds it again (looked up, then fitted to its context) for each, a visible share of a rebuild
 * (docs/adr/0009-axon-plumbing-trimmed.md).
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
