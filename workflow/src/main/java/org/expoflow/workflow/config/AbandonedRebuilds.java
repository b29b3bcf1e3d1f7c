package org.expoflow.workflow.config;

import java.time.Duration;

import org.expoflow.projections.support.ProjectionRebuild;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A node killed in the middle of a rebuild leaves it marked under way, half built beside the live read models
 * (which go on serving) and never switched in. Every node looks every half minute for a
 * rebuild that has made no progress for {@code expoflow.read-models.abandoned-after} (two minutes unless
 * set; a live rebuild moves every batch, well under a second) and one of them takes it over.
 */
@Component
public class AbandonedRebuilds {

    private final ProjectionRebuild rebuild;
    private final Duration abandonedAfter;

    public AbandonedRebuilds(ProjectionRebuild rebuild,
                             @Value("${expoflow.read-models.abandoned-after:PT2M}") Duration abandonedAfter) {
        this.rebuild = rebuild;
        this.abandonedAfter = abandonedAfter;
    }

    @Scheduled(initialDelayString = "PT10S", fixedDelayString = "PT30S")
    public void resume() {
        rebuild.resumeAbandoned(abandonedAfter);
    }
}
