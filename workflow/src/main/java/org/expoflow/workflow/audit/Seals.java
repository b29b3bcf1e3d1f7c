package org.expoflow.workflow.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.expoflow.workflow.engine.FinishedActivities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Seals over the stored records, the evidence that they were not altered behind ExpoFlow's back. Every
 * {@code expoflow.audit.seal-every} (an hour unless set; {@code EXPOFLOW_AUDIT_SEAL_EVERY}) a seal covers what was
 * stored since the last one: the events ({@code domain_event_entry}, by global index), the engine's finished
 * activities ({@code ACT_HI_ACTINST}, by end time) and the audit entries (by id), up to {@link #SETTLED} ago, so that
 * a transaction still open then is not passed over. It keeps an 8-byte digest per row, in order, and a SHA-256 hash
 * over those, its bounds and the previous seal's hash. The seals are written by this job alone, apart from the
 * write path, which pays nothing.
 * <p>
 * The check recomputes every seal from the rows as they are now and names the first row at fault; the nightly one
 * sets the gauge {@code expoflow_audit_seals_broken} (1 while broken) and the line on the auditor's page. Audit
 * entries the retention job removed (up to a seal's end, as it records) are not looked for.
 */
@Component
public class Seals {

    /** How long ago a row must have been stored to be sealed: longer than any transaction runs. */
    static final Duration SETTLED = Duration.ofMinutes(2);
    static final String EVENTS = "domain_event_entry";
    static final String ENTRIES = "audit_entry";
    private static final int DIGEST = 8;
    private static final String NO_SEAL = "0".repeat(64);
    private static final DateTimeFormatter AXON_INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Logger log = LoggerFactory.getLogger(Seals.class);

    private record Bounds(long eventsAfter, long eventsUpto, Instant historyAfter, Instant historyUpto, long entriesAfter,
                          long entriesUpto) {
    }

    private record Seal(long number, Instant sealedAt, Bounds bounds, byte[] events, byte[] history, byte[] entries,
                        String previousHash, String hash) {
    }

    private record Row(String key, byte[] digest) {
    }

    private final JdbcTemplate jdbc;
    private final FinishedActivities history;
    private final AuditLog auditLog;
    private final AuditRetention retention;
    private final Clock clock;
    private final AtomicInteger broken = new AtomicInteger();
    private final AtomicReference<SealCheck> lastCheck = new AtomicReference<>();

    public Seals(JdbcTemplate jdbc, FinishedActivities history, AuditLog auditLog, AuditRetention retention, Clock clock,
                 MeterRegistry registry) {
        this.jdbc = jdbc;
        this.history = history;
        this.auditLog = auditLog;
        this.retention = retention;
        this.clock = clock;
        Gauge.builder("expoflow.audit.seals.broken", broken, AtomicInteger::get)
                .description("1 when the last check of the seals over the stored records found a row altered, removed or added")
                .register(registry);
    }

    @Scheduled(initialDelayString = "${expoflow.audit.seal-every:PT1H}", fixedDelayString = "${expoflow.audit.seal-every:PT1H}")
    public void sealNow() {
        seal(clock.instant().minus(SETTLED));
    }

    /** Seals what was stored since the last seal and before {@code upto}; answers the seal's number, or 0 when nothing was. */
    long seal(Instant upto) {
        Seal previous = latest();
        Instant until = upto.truncatedTo(ChronoUnit.MILLIS);
        Bounds after = previous == null ? new Bounds(0, 0, Instant.EPOCH, Instant.EPOCH, 0, 0) : previous.bounds();
        Long lastEvent = jdbc.queryForObject("select max(global_index) from domain_event_entry where global_index > ? and time_stamp < ?",
                Long.class, after.eventsUpto(), AXON_INSTANT.format(until));
        Long lastEntry = jdbc.queryForObject("select max(id) from audit_entry where id > ? and occurred_at < ?",
                Long.class, after.entriesUpto(), Timestamp.from(until));
        if (until.isBefore(after.historyUpto())) {
            return 0;
        }
        Bounds bounds = new Bounds(after.eventsUpto(), lastEvent == null ? after.eventsUpto() : lastEvent, after.historyUpto(), until,
                after.entriesUpto(), lastEntry == null ? after.entriesUpto() : lastEntry);
        byte[] events = digests(rows -> events(bounds, rows));
        byte[] activities = digests(rows -> history.endedBetween(bounds.historyAfter(), bounds.historyUpto(),
                (key, line) -> rows.accept(key, line.getBytes(StandardCharsets.UTF_8))));
        byte[] entries = digests(rows -> entries(bounds, rows));
        if (events.length == 0 && activities.length == 0 && entries.length == 0) {
            return 0;
        }
        long number = previous == null ? 1 : previous.number() + 1;
        Instant sealedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String previousHash = previous == null ? NO_SEAL : previous.hash();
        String hash = hash(number, sealedAt, bounds, events, activities, entries, previousHash);
        try {
            jdbc.update("insert into audit_seal (seal_number, sealed_at, events_after, events_upto, history_after, history_upto,"
                            + " entries_after, entries_upto, event_digests, history_digests, entry_digests, previous_hash, hash)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    number, Timestamp.from(sealedAt), bounds.eventsAfter(), bounds.eventsUpto(), Timestamp.from(bounds.historyAfter()),
                    Timestamp.from(bounds.historyUpto()), bounds.entriesAfter(), bounds.entriesUpto(), events, activities, entries,
                    previousHash, hash);
        } catch (DuplicateKeyException anotherNodeSealed) {
            return 0;
        }
        return number;
    }

    /** Recomputes the chain from the rows as stored now; kept as the last check, for the gauge and the page. */
    @PreAuthorize("hasRole('AUDITOR')")
    public SealCheck check() {
        return checkNow();
    }

    @Scheduled(cron = "${expoflow.audit.seal-check-cron:0 15 3 * * *}", zone = "${expoflow.time-zone}")
    public void nightlyCheck() {
        checkNow();
    }

    /** The last check's finding, or null before the first. */
    public SealCheck lastCheck() {
        return lastCheck.get();
    }

    SealCheck checkNow() {
        long removedUpTo = retention.removedUpTo();
        List<Seal> seals = jdbc.query("select * from audit_seal order by seal_number", (rs, n) -> seal(rs));
        SealCheck.Fault fault = null;
        String previousHash = NO_SEAL;
        Bounds previousBounds = null;
        for (Seal seal : seals) {
            fault = faultOf(seal, previousHash, previousBounds, removedUpTo);
            if (fault != null) {
                break;
            }
            previousHash = seal.hash();
            previousBounds = seal.bounds();
        }
        SealCheck found = new SealCheck(fault == null, seals.size(), clock.instant(), fault);
        lastCheck.set(found);
        broken.set(found.holds() ? 0 : 1);
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("holds", found.holds());
        what.put("seals", found.seals());
        if (fault != null) {
            what.put("fault", fault.said());
            log.error("the seals over the stored records are broken: {}", fault.said());
        }
        auditLog.record(null, AuditActions.SEALS_CHECKED, what);
        return found;
    }

    private SealCheck.Fault faultOf(Seal seal, String previousHash, Bounds previousBounds, long removedUpTo) {
        if (!seal.previousHash().equals(previousHash) || previousBounds != null
                && (seal.bounds().eventsAfter() != previousBounds.eventsUpto() || seal.bounds().entriesAfter() != previousBounds.entriesUpto()
                || !seal.bounds().historyAfter().equals(previousBounds.historyUpto()))) {
            return new SealCheck.Fault(seal.number(), "audit_seal", null, "chainBroken");
        }
        if (!hash(seal.number(), seal.sealedAt(), seal.bounds(), seal.events(), seal.history(), seal.entries(), seal.previousHash())
                .equals(seal.hash())) {
            return new SealCheck.Fault(seal.number(), "audit_seal", null, "sealAltered");
        }
        SealCheck.Fault fault = compare(seal.number(), EVENTS, seal.events(), rows(consumer -> events(seal.bounds(), consumer)));
        if (fault == null) {
            fault = compare(seal.number(), FinishedActivities.TABLE, seal.history(), rows(consumer -> history.endedBetween(
                    seal.bounds().historyAfter(), seal.bounds().historyUpto(),
                    (key, line) -> consumer.accept(key, line.getBytes(StandardCharsets.UTF_8)))));
        }
        if (fault == null && seal.bounds().entriesUpto() > removedUpTo) {
            fault = compare(seal.number(), ENTRIES, seal.entries(), rows(consumer -> entries(seal.bounds(), consumer)));
        }
        return fault;
    }

    /** The first row where the stored rows and the sealed digests part, and how. */
    private static SealCheck.Fault compare(long number, String table, byte[] sealed, List<Row> now) {
        int count = sealed.length / DIGEST;
        int i = 0;
        int j = 0;
        while (i < count && j < now.size()) {
            if (Arrays.equals(now.get(j).digest(), digestAt(sealed, i))) {
                i++;
                j++;
            } else if (j + 1 < now.size() && Arrays.equals(now.get(j + 1).digest(), digestAt(sealed, i))) {
                return new SealCheck.Fault(number, table, now.get(j).key(), "added");
            } else if (i + 1 < count && Arrays.equals(now.get(j).digest(), digestAt(sealed, i + 1))) {
                return new SealCheck.Fault(number, table, "before " + now.get(j).key(), "removed");
            } else {
                return new SealCheck.Fault(number, table, now.get(j).key(), "altered");
            }
        }
        if (i < count) {
            return new SealCheck.Fault(number, table, now.isEmpty() ? "(all)" : "after " + now.get(now.size() - 1).key(), "removed");
        }
        if (j < now.size()) {
            return new SealCheck.Fault(number, table, now.get(j).key(), "added");
        }
        return null;
    }

    private void events(Bounds bounds, BiConsumer<String, byte[]> rows) {
        jdbc.query("select global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type,"
                        + " payload_revision, payload, meta_data from domain_event_entry where global_index > ? and global_index <= ?"
                        + " order by global_index",
                rs -> {
                    ByteArrayOutputStream row = new ByteArrayOutputStream();
                    for (int column = 1; column <= 8; column++) {
                        field(row, String.valueOf(rs.getString(column)).getBytes(StandardCharsets.UTF_8));
                    }
                    field(row, rs.getBytes(9));
                    field(row, rs.getBytes(10));
                    rows.accept("global_index " + rs.getLong(1), row.toByteArray());
                }, bounds.eventsAfter(), bounds.eventsUpto());
    }

    private void entries(Bounds bounds, BiConsumer<String, byte[]> rows) {
        jdbc.query("select id, occurred_at, actor, action, address, what from audit_entry where id > ? and id <= ? order by id",
                rs -> {
                    ByteArrayOutputStream row = new ByteArrayOutputStream();
                    field(row, String.valueOf(rs.getLong(1)).getBytes(StandardCharsets.UTF_8));
                    field(row, String.valueOf(rs.getTimestamp(2).toInstant().toEpochMilli()).getBytes(StandardCharsets.UTF_8));
                    for (int column = 3; column <= 6; column++) {
                        field(row, String.valueOf(rs.getString(column)).getBytes(StandardCharsets.UTF_8));
                    }
                    rows.accept("id " + rs.getLong(1), row.toByteArray());
                }, bounds.entriesAfter(), bounds.entriesUpto());
    }

    private static void field(ByteArrayOutputStream row, byte[] value) {
        byte[] bytes = value == null ? new byte[0] : value;
        row.writeBytes(ByteBuffer.allocate(4).putInt(value == null ? -1 : bytes.length).array());
        row.writeBytes(bytes);
    }

    private static byte[] digests(Consumer<BiConsumer<String, byte[]>> source) {
        ByteArrayOutputStream digests = new ByteArrayOutputStream();
        source.accept((key, row) -> digests.writeBytes(Arrays.copyOf(sha256().digest(row), DIGEST)));
        return digests.toByteArray();
    }

    private static List<Row> rows(Consumer<BiConsumer<String, byte[]>> source) {
        List<Row> rows = new ArrayList<>();
        source.accept((key, row) -> rows.add(new Row(key, Arrays.copyOf(sha256().digest(row), DIGEST))));
        return rows;
    }

    private static byte[] digestAt(byte[] digests, int index) {
        return Arrays.copyOfRange(digests, index * DIGEST, (index + 1) * DIGEST);
    }

    private static String hash(long number, Instant sealedAt, Bounds bounds, byte[] events, byte[] history, byte[] entries,
                               String previousHash) {
        MessageDigest sha = sha256();
        sha.update((previousHash + "|" + number + "|" + sealedAt.toEpochMilli() + "|" + bounds.eventsAfter() + "|" + bounds.eventsUpto()
                + "|" + bounds.historyAfter().toEpochMilli() + "|" + bounds.historyUpto().toEpochMilli() + "|" + bounds.entriesAfter()
                + "|" + bounds.entriesUpto() + "|").getBytes(StandardCharsets.UTF_8));
        sha.update(events);
        sha.update((byte) '|');
        sha.update(history);
        sha.update((byte) '|');
        sha.update(entries);
        return HexFormat.of().formatHex(sha.digest());
    }

    private Seal latest() {
        return jdbc.query("select * from audit_seal order by seal_number desc fetch first 1 rows only", (rs, n) -> seal(rs))
                .stream().findFirst().orElse(null);
    }

    private static Seal seal(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Seal(rs.getLong("seal_number"), rs.getTimestamp("sealed_at").toInstant(),
                new Bounds(rs.getLong("events_after"), rs.getLong("events_upto"), rs.getTimestamp("history_after").toInstant(),
                        rs.getTimestamp("history_upto").toInstant(), rs.getLong("entries_after"), rs.getLong("entries_upto")),
                rs.getBytes("event_digests"), rs.getBytes("history_digests"), rs.getBytes("entry_digests"),
                rs.getString("previous_hash"), rs.getString("hash"));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
