package io.polycell.scheduler;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A replica that says "no valid host" only on current state. When the hosts seem to run out, the
 * replica's view may just be behind: a server deleted a moment ago gave its host back resources the
 * feed has not read yet. It then waits for its states to catch up with what the stores hold and
 * decides once more. A cloud that is really full pays the wait (milliseconds) only on refusals.
 */
public final class RecheckingScheduler implements Scheduler {

    private static final Logger log = LoggerFactory.getLogger(RecheckingScheduler.class);

    private final Scheduler replica;
    private final Freshness freshness;
    private final Duration patience;

    public RecheckingScheduler(Scheduler replica, Freshness freshness, Duration patience) {
        this.replica = replica;
        this.freshness = freshness;
        this.patience = patience;
    }

    @Override
    public List<Placement> select(List<String> instanceIds, RequestSpec request, int alternates) {
        List<Placement> placed = replica.select(instanceIds, request, alternates);
        if (placed.size() == instanceIds.size()) {
            return placed;
        }
        placed.forEach(placement -> replica.forget(placement.instanceId()));
        if (!freshness.awaitCurrent(patience)) {
            log.warn("The scheduler's host states did not catch up with the stores within {}; deciding on what "
                    + "they hold", patience);
        }
        return replica.select(instanceIds, request, alternates);
    }

    @Override
    public void forget(String instanceId) {
        replica.forget(instanceId);
    }
}
