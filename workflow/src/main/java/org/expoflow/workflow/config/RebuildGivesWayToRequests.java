package org.expoflow.workflow.config;

import java.time.Duration;

import org.expoflow.projections.support.RebuildPace;
import org.expoflow.workflow.http.RequestsInFlight;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A rebuild in office hours starts each batch when the node serves no request, or once it has waited as long as its
 * last batch took ({@code expoflow.read-models.give-way} times that; 0 for never). A page that comes meanwhile then
 * shares the processors with at most one batch, and a node that is never idle rebuilds at half speed at worst
 * (docs/adr/0040-a-rebuild-gives-way-to-requests.md).
 */
@Component
class RebuildGivesWayToRequests implements RebuildPace {

    private final RequestsInFlight requests;
    private final double share;

    RebuildGivesWayToRequests(RequestsInFlight requests, @Value("${expoflow.read-models.give-way:1}") double share) {
        if (share < 0) {
            throw new IllegalArgumentException("expoflow.read-models.give-way must be 0 or more: " + share);
        }
        this.requests = requests;
        this.share = share;
    }

    @Override
    public void afterBatch(Duration batch) throws InterruptedException {
        if (share > 0) {
            requests.awaitNoneServed(Duration.ofNanos((long) (batch.toNanos() * share)));
        }
    }
}
