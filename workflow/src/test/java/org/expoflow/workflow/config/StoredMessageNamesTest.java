package org.expoflow.workflow.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.SerializedObject;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.expoflow.commands.api.directive.DirectiveWithdrawn;
import org.expoflow.commands.api.expo.UnitKind;
import org.expoflow.commands.api.meeting.MeetingClosed;
import org.expoflow.commands.api.task.DeadlineExtended;
import org.junit.jupiter.api.Test;

/**
 * Messages live in a package per aggregate, but the event store keeps the names they were stored under before
 * the split: a store written before reads on, and one written now reads the same to an older node or a tool.
 */
class StoredMessageNamesTest {

    private final JacksonSerializer stored = AxonSetup.storedMessageSerializer();

    @Test
    void anEventIsStoredUnderItsNameFromBeforeThePackagesPerAggregate() {
        SerializedObject<byte[]> written = stored.serialize(
                new DeadlineExtended("t1", "d1", "dalian", Instant.parse("2026-12-15T10:00:00Z"),
                        Instant.parse("2026-12-20T10:00:00Z"), Instant.parse("2026-12-15T10:00:00Z"), "展期"), byte[].class);

        assertThat(written.getType().getName()).isEqualTo("org.expoflow.commands.api.DeadlineExtended");
        assertThat(stored.classForType(written.getType())).isEqualTo(DeadlineExtended.class);
    }

    @Test
    void eventsStoredBeforeTheSplitReadAsTheirAggregatesRecords() {
        for (Class<?> moved : List.of(DeadlineExtended.class, DirectiveWithdrawn.class, MeetingClosed.class, UnitKind.class)) {
            String before = "org.expoflow.commands.api." + moved.getSimpleName();

            assertThat(stored.classForType(new SimpleSerializedType(before, null))).as(before).isEqualTo(moved);
        }
    }

    @Test
    void aStoredMeetingClosedReadsBackWhole() {
        SerializedObject<byte[]> before = new SimpleSerializedObject<>(
                "{\"meetingId\":\"m1\",\"expoId\":\"e1\"}".getBytes(StandardCharsets.UTF_8), byte[].class,
                new SimpleSerializedType("org.expoflow.commands.api.MeetingClosed", null));

        MeetingClosed read = stored.deserialize(before);

        assertThat(read).isEqualTo(new MeetingClosed("m1", "e1"));
    }

    @Test
    void noTwoMessagesShareAStoredName() {
        List<String> simpleNames = new ClassFileImporter().importPackages("org.expoflow.commands.api").stream()
                .filter(message -> !message.getSimpleName().equals("package-info") && message.getEnclosingClass().isEmpty())
                .map(JavaClass::getSimpleName).toList();

        assertThat(simpleNames).hasSizeGreaterThan(60).doesNotHaveDuplicates();
    }

    @Test
    void aNameNoMessageHasReadsAsUnknownNotAsAnotherMessage() {
        assertThat(stored.classForType(new SimpleSerializedType("org.expoflow.commands.api.NoSuchEvent", null)).getSimpleName())
                .isEqualTo("UnknownSerializedType");
    }
}
