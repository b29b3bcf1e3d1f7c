package org.expoflow.workflow.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.expoflow.projections.api.MeetingRecord;
import org.expoflow.workflow.application.OfficeFile;
import org.expoflow.workflow.briefs.BriefLanguage;
import org.junit.jupiter.api.Test;

/**
 * Leaders opening a meeting's brief one after another before the meeting: written once while the meeting stands as
 * it was, written again once a report or a decision changes it, and never kept while its instant is still settling.
 */
class KeptBriefsTest {

    private static final Instant NOW = Instant.parse("2026-12-08T01:00:00Z");

    private final KeptBriefs kept = new KeptBriefs(new BriefsOneAtATime(), Duration.ofMinutes(10), Duration.ofMinutes(1),
            32 * 1024 * 1024, Clock.fixed(NOW, ZoneOffset.UTC));
    private final AtomicInteger written = new AtomicInteger();

    @Test
    void aSettledMeetingsBriefIsWrittenOnceForEveryLeaderWhoOpensIt() {
        KeptBriefs.BriefKey key = key(meeting(NOW.minus(Duration.ofMinutes(30)), List.of()), "pdf", BriefLanguage.CHINESE);

        OfficeFile first = kept.file(key, this::write);
        OfficeFile second = kept.file(key, this::write);

        assertThat(written).hasValue(1);
        assertThat(second.content()).isEqualTo(first.content());
    }

    @Test
    void aReportRecordedSinceMakesANewBrief() {
        MeetingRecord convened = meeting(NOW.minus(Duration.ofMinutes(30)), List.of());
        MeetingRecord reported = meeting(convened.asOf(), List.of(new MeetingRecord.UnitReport("dalian", "邀请采购商120家", null, null)));

        kept.file(key(convened, "pdf", BriefLanguage.CHINESE), this::write);
        OfficeFile withTheReport = kept.file(key(reported, "pdf", BriefLanguage.CHINESE), this::write);

        assertThat(written).hasValue(2);
        assertThat(new String(withTheReport.content(), StandardCharsets.UTF_8)).isEqualTo("第2次写");
    }

    @Test
    void aUnitRenamedMakesANewBrief() {
        MeetingRecord meeting = meeting(NOW.minus(Duration.ofMinutes(30)), List.of());

        kept.file(key(meeting, "pdf", BriefLanguage.CHINESE), this::write);
        kept.file(new KeptBriefs.BriefKey(meeting, 3, "pdf", BriefLanguage.CHINESE,
                List.of(Map.of("dalian", "大连市（含长兴岛）"), List.of("dalian"))), this::write);

        assertThat(written).as("nodes never disagree about a register beyond one request (ADR 0039)").hasValue(2);
    }

    @Test
    void anotherFormatOrLanguageIsAnotherFile() {
        MeetingRecord meeting = meeting(NOW.minus(Duration.ofMinutes(30)), List.of());

        kept.file(key(meeting, "pdf", BriefLanguage.CHINESE), this::write);
        kept.file(key(meeting, "docx", BriefLanguage.CHINESE), this::write);
        kept.file(key(meeting, "pdf", BriefLanguage.BILINGUAL), this::write);

        assertThat(written).hasValue(3);
    }

    @Test
    void aMeetingConvenedAMomentAgoIsWrittenAgainUntilItsInstantHasSettled() {
        KeptBriefs.BriefKey key = key(meeting(NOW.minus(Duration.ofSeconds(20)), List.of()), "pdf", BriefLanguage.CHINESE);

        kept.file(key, this::write);
        kept.file(key, this::write);

        assertThat(written).as("a writer that held the meeting's instant may not have committed yet").hasValue(2);
    }

    @Test
    void leadersWhoWaitedBehindTheWriterGetWhatItWrote() throws Exception {
        KeptBriefs.BriefKey key = key(meeting(NOW.minus(Duration.ofMinutes(30)), List.of()), "pdf", BriefLanguage.CHINESE);
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<OfficeFile> first = CompletableFuture.supplyAsync(() -> kept.file(key, () -> {
            writing.countDown();
            await(release);
            return write();
        }));
        assertThat(writing.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<OfficeFile> second = CompletableFuture.supplyAsync(() -> kept.file(key, this::write));

        release.countDown();

        assertThat(second.get(5, TimeUnit.SECONDS).content()).isEqualTo(first.get(5, TimeUnit.SECONDS).content());
        assertThat(written).hasValue(1);
    }

    private OfficeFile write() {
        return new OfficeFile("大阪 周例会.pdf", "application/pdf",
                ("第" + written.incrementAndGet() + "次写").getBytes(StandardCharsets.UTF_8));
    }

    private static KeptBriefs.BriefKey key(MeetingRecord meeting, String format, BriefLanguage language) {
        return new KeptBriefs.BriefKey(meeting, 3, format, language, List.of(Map.of("dalian", "大连市"), List.of("dalian")));
    }

    private static MeetingRecord meeting(Instant asOf, List<MeetingRecord.UnitReport> reports) {
        return new MeetingRecord("meeting-1", "osaka", "周例会", asOf, asOf, null, reports, List.of());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
