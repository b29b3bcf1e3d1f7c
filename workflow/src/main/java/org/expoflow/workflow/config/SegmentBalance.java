package org.expoflow.workflow.config;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * The read models' segments shared by the nodes alive. Axon without Axon Server lets the first node
 * claim every segment and keep them: a second node would idle beside it. So every node says every
 * {@code expoflow.read-models.balance-every} (every second unless set) that it is alive, and a node holding
 * more than its share (segments divided by the nodes alive, rounded up) releases the surplus for three
 * rounds, for a node with less to claim. A node that stops saying so (killed) no longer counts after three
 * rounds, before its claims time out ({@code expoflow.read-models.claim-timeout}, 5 s): by the time a
 * survivor has claimed its segments, nobody counts it any more and the survivor keeps them all.
 * <p>
 * Only with the read models behind a tracking processor: projected in the writers' transactions (the
 * default), every node projects its own writes and there is nothing to share.
 */
@Component
@ConditionalOnProperty(name = "axon.eventhandling.processors.read-models.mode", havingValue = "tracking")
public class SegmentBalance {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalance.class);
    private static final int ROUNDS_BEFORE_DEAD = 3;

    private final String nodeId = UUID.randomUUID().toString();
    private final JdbcTemplate jdbc;
    private final Configuration axon;
    private final TokenStore tokens;
    private final Clock clock;
    private final Duration every;

    public SegmentBalance(JdbcTemplate jdbc, Configuration axon, TokenStore tokens, Clock clock,
                          @Value("${expoflow.read-models.balance-every:PT1S}") Duration every) {
        this.jdbc = jdbc;
        this.axon = axon;
        this.tokens = tokens;
        this.clock = clock;
        this.every = every;
    }

    @Scheduled(initialDelayString = "${expoflow.read-models.balance-every:PT1S}",
            fixedDelayString = "${expoflow.read-models.balance-every:PT1S}")
    public void balance() {
        int nodesAlive = sayAlive();
        for (StreamingEventProcessor processor : streamingProcessors()) {
            int segments = tokens.fetchSegments(processor.getName()).length;
            int share = (segments + nodesAlive - 1) / nodesAlive;
            List<Integer> here = processor.processingStatus().keySet().stream().sorted().toList();
            for (Integer surplus : here.subList(Math.min(share, here.size()), here.size())) {
                log.info("{}: {} nodes alive, {} segments; segment {} released for another node",
                        processor.getName(), nodesAlive, segments, surplus);
                // long enough for another node's claim (it tries every second), short enough to claim it back
                // when no node did
                processor.releaseSegment(surplus, ROUNDS_BEFORE_DEAD * Math.max(1000, every.toMillis()), TimeUnit.MILLISECONDS);
            }
        }
    }

    /** This node alive; the number of nodes alive, this one included. */
    private int sayAlive() {
        Timestamp now = Timestamp.from(clock.instant());
        if (jdbc.update("update cluster_node set seen_at = ? where node_id = ?", now, nodeId) == 0) {
            jdbc.update("insert into cluster_node (node_id, seen_at) values (?, ?)", nodeId, now);
        }
        Timestamp deadBefore = Timestamp.from(clock.instant().minus(every.multipliedBy(ROUNDS_BEFORE_DEAD)));
        jdbc.update("delete from cluster_node where seen_at < ?", deadBefore);
        Integer alive = jdbc.queryForObject("select count(*) from cluster_node", Integer.class);
        return Math.max(1, alive == null ? 1 : alive);
    }

    private List<StreamingEventProcessor> streamingProcessors() {
        return axon.eventProcessingConfiguration().eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
    }

    @PreDestroy
    void leave() {
        jdbc.update("delete from cluster_node where node_id = ?", nodeId);
    }
}
