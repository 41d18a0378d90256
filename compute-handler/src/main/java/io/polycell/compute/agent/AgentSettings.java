package io.polycell.compute.agent;

import io.polycell.messages.host.AllocationPolicy;
import java.time.Duration;

/**
 * How an agent runs its periodic tasks.
 *
 * @param lanes worker threads; each instance's work runs on one lane, in order
 * @param heartbeatInterval how often the agent tells its cell it is alive
 * @param syncInterval how often it compares the hypervisor's guests with its host's claims (power-state
 *     sync and orphan detection)
 * @param fullResyncEvery every how many syncs every claimed instance's power state is sent again, not
 *     only the changed ones (the instances drop what did not change, so this costs no events)
 * @param allocation the allocation ratios and reserved amounts the agent reports with its host's inventory
 */
public record AgentSettings(int lanes, Duration heartbeatInterval, Duration syncInterval, int fullResyncEvery,
                            AllocationPolicy allocation) {

    public AgentSettings {
        allocation = allocation == null ? AllocationPolicy.NONE : allocation;
        if (lanes < 1 || heartbeatInterval.isNegative() || heartbeatInterval.isZero() || syncInterval.isNegative()
                || syncInterval.isZero() || fullResyncEvery < 1) {
            throw new IllegalArgumentException("An agent needs at least one lane and positive intervals");
        }
    }

    public AgentSettings(int lanes, Duration heartbeatInterval, Duration syncInterval, int fullResyncEvery) {
        this(lanes, heartbeatInterval, syncInterval, fullResyncEvery, AllocationPolicy.NONE);
    }

    /**
     * A heartbeat every 10 s as in Nova; a sync every 30 s, where Nova's power-state sync runs every 10
     * minutes, because ours costs one command per changed guest, not a database scan.
     */
    public static AgentSettings defaults() {
        return new AgentSettings(2, Duration.ofSeconds(10), Duration.ofSeconds(30), 10);
    }
}
