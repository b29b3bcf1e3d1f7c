package org.expoflow.workflow.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.expoflow.workflow.security.SignInFormDetails;
import org.springframework.boot.actuate.audit.AuditEvent;
import org.springframework.boot.actuate.audit.AuditEventRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Where every audit event is kept, in the {@code audit_entry} table. Spring Boot hands it each
 * {@code AuditApplicationEvent} published anywhere (and, through its listeners, Spring Security's sign-in
 * events); this only ever adds rows. An event's address is the one its details name (a sign-in's), else the
 * address of the request it happened in; what it did is the event's data, as plain words.
 */
@Component
public class AuditLog implements AuditEventRepository {

    static final int LONGEST_WHAT = 4000;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AuditLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void add(AuditEvent event) {
        Map<String, Object> data = event.getData();
        String address = data.get("details") instanceof WebAuthenticationDetails details ? details.getRemoteAddress()
                : data.get("address") instanceof String given ? given : requestAddress();
        // how the person signed in, as the sign-in's listener read it from the Authentication; else from its details
        String channel = data.get("via") instanceof String via ? "via=" + via
                : data.get("details") instanceof SignInFormDetails ? "via=sign-in form"
                : data.get("details") instanceof WebAuthenticationDetails ? "via=HTTP Basic" : null;
        String what = java.util.stream.Stream.concat(java.util.stream.Stream.ofNullable(channel), data.entrySet().stream()
                .filter(entry -> !entry.getKey().equals("details") && !entry.getKey().equals("address")
                        && !entry.getKey().equals("via"))
                .map(entry -> entry.getKey() + "=" + said(entry.getValue())))
                .collect(Collectors.joining("; "));
        Instant at = event.getTimestamp() != null ? event.getTimestamp() : clock.instant();
        jdbc.update("insert into audit_entry (occurred_at, actor, action, address, what) values (?, ?, ?, ?, ?)",
                Timestamp.from(at), cut(event.getPrincipal(), 200), cut(event.getType(), 64), cut(address, 64),
                cut(what, LONGEST_WHAT));
    }

    /** Records an action of the signed-in person, or of the system when there is none. */
    public void record(String actor, String action, Map<String, Object> data) {
        add(new AuditEvent(clock.instant(), actor == null ? AuditActions.SYSTEM : actor, action, data));
    }

    /** Boot's own read of the log (its {@code auditevents} endpoint is not exposed): for the auditor only. */
    @Override
    @PreAuthorize("hasRole('AUDITOR')")
    public List<AuditEvent> find(String principal, Instant after, String type) {
        return find(new AuditQuery(after, null, principal, type, AuditQuery.MOST)).stream()
                .map(entry -> new AuditEvent(entry.at(), entry.actor(), entry.action(),
                        Map.of("address", String.valueOf(entry.address()), "what", String.valueOf(entry.what()))))
                .toList();
    }

    /** The entries the auditor asks for, newest first. */
    @PreAuthorize("hasRole('AUDITOR')")
    public List<AuditEntry> find(AuditQuery query) {
        StringBuilder sql = new StringBuilder("select id, occurred_at, actor, action, address, what from audit_entry where 1 = 1");
        List<Object> arguments = new ArrayList<>();
        if (query.from() != null) {
            sql.append(" and occurred_at >= ?");
            arguments.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            sql.append(" and occurred_at < ?");
            arguments.add(Timestamp.from(query.to()));
        }
        if (query.actor() != null) {
            sql.append(" and actor = ?");
            arguments.add(query.actor());
        }
        if (query.action() != null) {
            sql.append(" and action = ?");
            arguments.add(query.action());
        }
        sql.append(" order by occurred_at desc, id desc fetch first ").append(query.limit()).append(" rows only");
        return jdbc.query(sql.toString(), (rs, n) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("actor"), rs.getString("action"), rs.getString("address"), rs.getString("what")), arguments.toArray());
    }

    /** The actions kept so far, for the auditor's filter. */
    @PreAuthorize("hasRole('AUDITOR')")
    public List<String> actions() {
        return jdbc.queryForList("select distinct action from audit_entry order by action", String.class);
    }

    private static String requestAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getRemoteAddr() : RequestAddresses.current();
    }

    private static String said(Object value) {
        if (value instanceof Throwable failure) {
            return failure.getClass().getSimpleName();
        }
        return String.valueOf(value);
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
