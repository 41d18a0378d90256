package io.polycell.command.build;

import io.polycell.scheduler.Placement;
import io.polycell.scheduler.RequestSpec;
import io.polycell.scheduler.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scheduling decision for all the instances of a multi-create (min_count/max_count). Each instance
 * keeps its own build task; the first of a batch to ask has the scheduler place the whole batch at
 * once, so no two instances are counted against the same free space, and the others take the
 * placement decided for them. As in Nova, a batch fits entirely or not at all: when the hosts cannot
 * take every instance, none is placed and each goes to cell0.
 */
public final class BatchPlacements {

    /** How long a decision waits for the instances of its batch that have not come for it yet. */
    private static final Duration KEPT = Duration.ofMinutes(2);
    private static final Logger log = LoggerFactory.getLogger(BatchPlacements.class);

    private record Decision(Map<String, Placement> placements, Set<String> waiting, Instant expires) {
    }

    private final Scheduler scheduler;
    private final Clock clock;
    private final Map<String, Decision> decisions = new HashMap<>();

    public BatchPlacements(Scheduler scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /**
     * Where {@code instanceId} goes, from the decision made for its whole {@code batch}; empty when the
     * batch does not fit. A batch of one is simply scheduled.
     */
    public synchronized Optional<Placement> placementFor(String instanceId, List<String> batch, RequestSpec request,
                                                        int alternates) {
        if (batch.size() <= 1) {
            return scheduler.select(List.of(instanceId), request, alternates).stream().findFirst();
        }
        Instant now = clock.instant();
        decisions.values().removeIf(decision -> decision.expires().isBefore(now));
        String key = batch.get(0);
        Decision decision = decisions.computeIfAbsent(key, first -> decide(batch, request, alternates, now));
        decision.waiting().remove(instanceId);
        if (decision.waiting().isEmpty()) {
            decisions.remove(key);
        }
        return Optional.ofNullable(decision.placements().get(instanceId));
    }

    private Decision decide(List<String> batch, RequestSpec request, int alternates, Instant now) {
        List<Placement> placed = scheduler.select(batch, request, alternates);
        Map<String, Placement> byInstance = new HashMap<>();
        if (placed.size() == batch.size()) {
            placed.forEach(placement -> byInstance.put(placement.instanceId(), placement));
            log.info("Placed the {} servers of one request in one decision", batch.size());
        } else {
            placed.forEach(placement -> scheduler.forget(placement.instanceId()));
            log.info("The hosts can take only {} of the {} servers of one request; none is placed", placed.size(),
                    batch.size());
        }
        return new Decision(byInstance, new HashSet<>(batch), now.plus(KEPT));
    }
}
