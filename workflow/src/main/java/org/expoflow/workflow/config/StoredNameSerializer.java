package org.expoflow.workflow.config;

import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.expoflow.commands.storage.StoredMessageNames;

/**
 * Axon's Jackson serializer writing and reading each message under its stored name
 * ({@link StoredMessageNames}) rather than its class's current name, so that events stored before the messages
 * moved into a package per aggregate read as they always did (docs/adr/0015-messages-by-aggregate.md).
 */
final class StoredNameSerializer extends JacksonSerializer {

    StoredNameSerializer(Builder builder) {
        super(builder);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        SerializedType byClass = super.typeForClass(type);
        return new SimpleSerializedType(StoredMessageNames.storedName(type), byClass.getRevision());
    }

    @Override
    protected String resolveClassName(SerializedType serializedType) {
        return StoredMessageNames.className(super.resolveClassName(serializedType));
    }
}
