package org.expoflow.workflow.meetings;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.expoflow.projections.api.MeetingRecord;
import org.expoflow.workflow.application.OfficeFile;
import org.expoflow.workflow.briefs.BriefLanguage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The brief files a node has written, kept while what they were written from stands. A brief reads the expo as of
 * the instant its meeting was convened, so once that instant has settled (every writer that held it has committed)
 * the same meeting record, issue, language and names give the same file: the ten leaders who open it before a
 * meeting have it at once, and the node's processors stay with the pages (docs/adr/0044-briefs-kept-once-written.md).
 * A report, a decision, the meeting closed, a unit or a person renamed make a new key, so a new file. The month's
 * ranking it names is the one at its writing: a kept file lives {@code kept-for} at most.
 */
@Component
class KeptBriefs {

    /**
     * What a brief file is written from, besides the expo's history as of the meeting: {@code names}, the registers'
     * words it is written with (units' names and order, people's names), as read in the request that asks for it.
     */
    record BriefKey(MeetingRecord meeting, int issue, String format, BriefLanguage language, List<?> names) {
    }

    private final Cache<BriefKey, OfficeFile> kept;
    private final BriefsOneAtATime writing;
    private final Duration settledAfter;
    private final Clock clock;

    KeptBriefs(BriefsOneAtATime writing, @Value("${expoflow.briefs.kept-for}") Duration keptFor,
               @Value("${expoflow.briefs.settled-after}") Duration settledAfter,
               @Value("${expoflow.briefs.kept-bytes}") long keptBytes, Clock clock) {
        this.writing = writing;
        this.settledAfter = settledAfter;
        this.clock = clock;
        this.kept = Caffeine.newBuilder().expireAfterWrite(keptFor).maximumWeight(keptBytes)
                .weigher((BriefKey key, OfficeFile file) -> file.content().length).build();
    }

    /**
     * The file kept for {@code key}; else the one {@code write} writes in its turn ({@link BriefsOneAtATime}), kept when
     * its meeting's instant has settled. The leaders who waited their turn behind the writer get what it wrote.
     */
    OfficeFile file(BriefKey key, Supplier<OfficeFile> write) {
        OfficeFile file = kept.getIfPresent(key);
        if (file != null) {
            return file;
        }
        return writing.write(() -> {
            OfficeFile written = kept.getIfPresent(key);
            if (written == null) {
                written = write.get();
                if (key.meeting().asOf().plus(settledAfter).isBefore(clock.instant())) {
                    kept.put(key, written);
                }
            }
            return written;
        });
    }
}
