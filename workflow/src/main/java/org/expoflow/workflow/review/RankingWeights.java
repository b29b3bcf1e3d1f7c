package org.expoflow.workflow.review;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.workflow.application.RequestRules;
import org.expoflow.workflow.expos.ExpoWork;
import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The weights the office scores an expo's units by (考核评分), which it changes itself on the ranking page: how much
 * steps on time, days late, chase-ups, returns, reports on cadence and figures against targets each count. Until it
 * sets them, an expo is scored by the configured defaults ({@link RankingSettings}). Only the office (COORDINATOR)
 * sets them, as it sets deadlines and targets; leadership reads them beside the ranking. A change replaces the
 * weights for every month of the expo, past ones too (each notice prints the weights it used), and is kept in the
 * security audit log with the weights before and after, as a change of a setting is.
 */
@Service
public class RankingWeights {

    /** The audit log's name for a change of the weights ({@code audit.action.*} gives its words). */
    public static final String CHANGED = "RANKING_WEIGHTS_CHANGED";

    private final JdbcTemplate jdbc;
    private final RequestRules rules;
    private final ExpoWork expos;
    private final RankingSettings defaults;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public RankingWeights(JdbcTemplate jdbc, RequestRules rules, ExpoWork expos, RankingSettings defaults,
                          ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.expos = expos;
        this.defaults = defaults;
        this.events = events;
        this.clock = clock;
    }

    /** The weights an expo is scored by: its own, or the defaults ({@code byDefault}) with no one who set them. */
    public record InForce(String expoId, RankingSettings.Weights weights, boolean byDefault, String changedBy,
                          Instant changedAt) {

        /** Each weight by its field's name, as people write it (30, 12.5), for a form. */
        public Map<String, String> byField() {
            Map<String, String> fields = new LinkedHashMap<>();
            List<BigDecimal> values = List.of(weights.onTime(), weights.daysLate(), weights.chaseUps(), weights.returns(),
                    weights.reports(), weights.figures());
            for (int i = 0; i < Change.FIELDS.size(); i++) {
                fields.put(Change.FIELDS.get(i), plain(values.get(i)));
            }
            return fields;
        }
    }

    /** New weights for an expo, each 0 to 100 with at most two decimals, at least one above 0. */
    public record Change(
            @Schema(description = "steps done on time", example = "30") @Weight BigDecimal onTime,
            @Schema(description = "days late", example = "20") @Weight BigDecimal daysLate,
            @Schema(description = "chase-ups needed", example = "15") @Weight BigDecimal chaseUps,
            @Schema(description = "work sent back", example = "10") @Weight BigDecimal returns,
            @Schema(description = "reports on cadence", example = "10") @Weight BigDecimal reports,
            @Schema(description = "figures against their targets", example = "15") @Weight BigDecimal figures) implements RequestRules.Worded {

        /** The fields, in the order the page shows them. */
        public static final List<String> FIELDS = List.of("onTime", "daysLate", "chaseUps", "returns", "reports", "figures");

        @Override
        public String thing() {
            return "weight";
        }

        RankingSettings.Weights weights() {
            return new RankingSettings.Weights(onTime, daysLate, chaseUps, returns, reports, figures);
        }
    }

    /** The weights in force for an expo, as leadership and the office read them; 404 naming {@code expoId} for no expo. */
    @PreAuthorize("hasAnyRole('LEADER', 'COORDINATOR')")
    public InForce inForce(String expoId) {
        expos.get(expoId);
        return read(expoId);
    }

    /** The weights a ranking of the expo uses; its caller has checked who asks. */
    RankingSettings.Weights of(String expoId) {
        return read(expoId).weights();
    }

    /**
     * Sets the expo's weights: each field at fault refused naming it (at least one weight above 0, else {@code weights}),
     * and nothing written.
     */
    @PreAuthorize("hasRole('COORDINATOR')")
    @Transactional
    public InForce change(String expoId, Change change) {
        expos.get(expoId);
        rules.check(change);
        RankingSettings.Weights chosen = change.weights();
        if (chosen.total().signum() <= 0) {
            throw DomainRuleViolation.invalid("weights", "at least one weight must be above 0").coded("weightsAllZero");
        }
        InForce before = read(expoId);
        String who = SecurityContextHolder.getContext().getAuthentication().getName();
        Instant at = clock.instant();
        Object[] values = {chosen.onTime(), chosen.daysLate(), chosen.chaseUps(), chosen.returns(), chosen.reports(),
                chosen.figures(), who, Timestamp.from(at), expoId};
        int updated = jdbc.update("update ranking_weights set weight_on_time = ?, weight_days_late = ?, weight_chase_ups = ?,"
                + " weight_returns = ?, weight_reports = ?, weight_figures = ?, changed_by = ?, changed_at = ? where expo_id = ?",
                values);
        if (updated == 0) {
            try {
                jdbc.update("insert into ranking_weights (weight_on_time, weight_days_late, weight_chase_ups, weight_returns,"
                        + " weight_reports, weight_figures, changed_by, changed_at, expo_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        values);
            } catch (DuplicateKeyException setMeanwhile) {
                // two first settings at once: one wins, the other is told to look again rather than overwrite unseen
                throw DomainRuleViolation.conflict("the expo's weights were set by someone else meanwhile")
                        .coded("weightsSetMeanwhile");
            }
        }
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("expoId", expoId);
        what.put("before", said(before.weights()) + (before.byDefault() ? " (defaults)" : ""));
        what.put("after", said(chosen));
        events.publishEvent(new AuditApplicationEvent(who, CHANGED, what));
        return new InForce(expoId, chosen, false, who, at);
    }

    private InForce read(String expoId) {
        List<InForce> stored = jdbc.query("select weight_on_time, weight_days_late, weight_chase_ups, weight_returns,"
                + " weight_reports, weight_figures, changed_by, changed_at from ranking_weights where expo_id = ?",
                (rs, n) -> new InForce(expoId, new RankingSettings.Weights(rs.getBigDecimal(1), rs.getBigDecimal(2),
                        rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6)), false,
                        rs.getString(7), rs.getTimestamp(8).toInstant()), expoId);
        return stored.isEmpty() ? new InForce(expoId, defaults.weights(), true, null, null) : stored.get(0);
    }

    private static String said(RankingSettings.Weights weights) {
        return "onTime " + plain(weights.onTime()) + ", daysLate " + plain(weights.daysLate()) + ", chaseUps "
                + plain(weights.chaseUps()) + ", returns " + plain(weights.returns()) + ", reports " + plain(weights.reports())
                + ", figures " + plain(weights.figures());
    }

    private static String plain(BigDecimal number) {
        return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
    }
}
