package org.expoflow.workflow.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.expoflow.commands.api.task.ChaseUpGrade;
import org.expoflow.commands.api.task.TaskChasedUp;
import org.junit.jupiter.api.Test;

/**
 * A chase-up stored before grades were kept reads as a 督办; one stored since keeps its grade. Event types are
 * permanent once stored: the grade is a field added, nothing renamed.
 */
class StoredChaseUpGradeTest {

    private final JacksonSerializer stored = AxonSetup.storedMessageSerializer();

    @Test
    void aChaseUpStoredBeforeGradesReadsAsADuban() {
        String before = "{\"taskId\":\"t1\",\"directiveId\":\"d1\",\"unitId\":\"benxi\",\"chasedBy\":\"coordinator\","
                + "\"message\":\"请于今日报送\"}";

        TaskChasedUp read = stored.deserialize(serialized(before));

        assertThat(read).isEqualTo(new TaskChasedUp("t1", "d1", "benxi", "coordinator", "请于今日报送", ChaseUpGrade.SUPERVISE));
    }

    @Test
    void aGradedChaseUpKeepsItsGrade() {
        TaskChasedUp notified = new TaskChasedUp("t1", "d1", "benxi", "coordinator", "予以通报", ChaseUpGrade.NOTIFY);

        TaskChasedUp read = stored.deserialize(stored.serialize(notified, byte[].class));

        assertThat(read).isEqualTo(notified);
    }

    private static SimpleSerializedObject<byte[]> serialized(String json) {
        SerializedType type = new SimpleSerializedType("org.expoflow.commands.api.TaskChasedUp", null);
        return new SimpleSerializedObject<>(json.getBytes(StandardCharsets.UTF_8), byte[].class, type);
    }
}
