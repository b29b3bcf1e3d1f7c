package org.expoflow.workflow.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;

class StoredMetaDataDeserializerTest {

    @Test
    void storedMetadataReadsBackAsAxonsOwnDeserializerReadsIt() {
        JacksonSerializer stored = AxonSetup.storedMessageSerializer();
        JacksonSerializer axons = JacksonSerializer.builder().objectMapper(AxonSetup.storedMessageMapper()).build();
        MetaData written = MetaData.from(Map.of("actor", "shenyang", "correlationId", "c-1", "attempt", 3,
                "groups", List.of("shenyang", "coordinator"), "origin", Map.of("node", "a", "weight", 1.5)));

        for (int i = 0; i < 3; i++) {
            SerializedObject<byte[]> bytes = stored.serialize(written, byte[].class);
            MetaData read = stored.deserialize(bytes);
            assertThat(read).isEqualTo(axons.<byte[], MetaData>deserialize(bytes)).isEqualTo(written);
            assertThat(read.get("actor")).isEqualTo("shenyang");
        }
        assertThat(stored.<byte[], MetaData>deserialize(stored.serialize(MetaData.emptyInstance(), byte[].class))).isEmpty();
    }

    @Test
    void itIsTheDeserializerJacksonFindsForMetadataNotAxons() throws Exception {
        ObjectMapper mapper = AxonSetup.storedMessageSerializer().getObjectMapper();
        DeserializationContext context = ((DefaultDeserializationContext) mapper.getDeserializationContext())
                .createInstance(mapper.getDeserializationConfig(), null, null);
        assertThat(context.findRootValueDeserializer(mapper.constructType(MetaData.class)))
                .isInstanceOf(StoredMetaDataDeserializer.class);
    }
}
