package io.polycell.scheduler;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Several scheduler replicas, each with the full host state from its own feed, asked in turn. They
 * share nothing: a request sees only its replica's view and reservations, so two replicas can propose
 * the same last slot. The host aggregates' claims settle it, which is what this exists to exercise.
 */
public final class ReplicatedScheduler implements Scheduler {

    private final List<Scheduler> replicas;
    private final AtomicInteger next = new AtomicInteger();

    public ReplicatedScheduler(List<? extends Scheduler> replicas) {
        if (replicas.isEmpty()) {
            throw new IllegalArgumentException("At least one scheduler replica is needed");
        }
        this.replicas = List.copyOf(replicas);
    }

    @Override
    public List<Placement> select(List<String> instanceIds, RequestSpec request, int alternates) {
        return replicas.get(Math.floorMod(next.getAndIncrement(), replicas.size()))
                .select(instanceIds, request, alternates);
    }

    @Override
    public void forget(String instanceId) {
        replicas.forEach(replica -> replica.forget(instanceId));
    }
}
