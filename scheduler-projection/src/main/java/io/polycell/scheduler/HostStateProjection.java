package io.polycell.scheduler;

import io.polycell.messages.aggregate.AggregateMetadataSet;
import io.polycell.messages.aggregate.AggregateUpdated;
import io.polycell.messages.aggregate.HostAddedToAggregate;
import io.polycell.messages.aggregate.HostRemovedFromAggregate;
import io.polycell.messages.common.Resources;
import io.polycell.messages.group.ServerGroupMemberPlaced;
import io.polycell.messages.group.ServerGroupMemberRemoved;
import io.polycell.messages.host.AllocationPolicy;
import io.polycell.messages.host.HostCameUp;
import io.polycell.messages.host.HostForcedDown;
import io.polycell.messages.host.HostInventoryChanged;
import io.polycell.messages.host.HostRegistered;
import io.polycell.messages.host.HostResourcesClaimed;
import io.polycell.messages.host.HostResourcesReleased;
import io.polycell.messages.host.HostServiceDisabled;
import io.polycell.messages.host.HostServiceEnabled;
import io.polycell.messages.host.HostWentDown;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.EventHandler;

/**
 * Builds {@link HostStates} from the host events of every cell and the API tier's aggregate events
 * (seed 003: no database between the scheduler and the hosts). It runs on a processor that reads all cells' streams as one source and
 * starts from the beginning at every start, since the state lives only in memory.
 */
public final class HostStateProjection {

    private final HostStates states;

    public HostStateProjection(HostStates states) {
        this.states = states;
    }

    @EventHandler
    public void on(HostRegistered event) {
        states.register(event.host(), event.cell(), event.schedulable(),
                compute(event.capacity(), event.allocation(), event.capabilities(), event.traits()));
    }

    @EventHandler
    public void on(HostInventoryChanged event) {
        states.register(event.host(), event.cell(), event.schedulable(),
                compute(event.capacity(), event.allocation(), event.capabilities(), event.traits()));
    }

    /**
     * The compute namespace: the agent's capabilities and traits (one sorted, comma-separated list
     * under {@code traits}), plus the totals and the allocation policy the schedulable capacity was
     * computed from (the capacity columns hold the schedulable amounts). Values are interned: hosts
     * of one kind share them, which keeps 100,000 hosts' namespaces small.
     */
    private static Map<String, String> compute(Resources total, AllocationPolicy allocation,
                                               Map<String, String> capabilities, Set<String> traits) {
        Map<String, String> values = new HashMap<>(capabilities);
        if (!traits.isEmpty()) {
            values.put(Traits.ATTRIBUTE, Traits.format(traits).intern());
        }
        values.put("total_vcpus", String.valueOf(total.vcpus()).intern());
        values.put("total_ram_mb", String.valueOf(total.ramMb()).intern());
        values.put("total_disk_gb", String.valueOf(total.diskGb()).intern());
        values.put("cpu_allocation_ratio", String.valueOf(allocation.cpuRatio()).intern());
        values.put("ram_allocation_ratio", String.valueOf(allocation.ramRatio()).intern());
        values.put("disk_allocation_ratio", String.valueOf(allocation.diskRatio()).intern());
        values.put("reserved_host_cpus", String.valueOf(allocation.reserved().vcpus()).intern());
        values.put("reserved_host_memory_mb", String.valueOf(allocation.reserved().ramMb()).intern());
        values.put("reserved_host_disk_gb", String.valueOf(allocation.reserved().diskGb()).intern());
        return values;
    }

    @EventHandler
    public void on(HostWentDown event) {
        states.markUp(event.host(), false);
    }

    @EventHandler
    public void on(HostCameUp event) {
        states.markUp(event.host(), true);
    }

    @EventHandler
    public void on(HostServiceDisabled event) {
        states.setAttribute(event.host(), HostState.OPERATOR, "disabled", "true");
    }

    @EventHandler
    public void on(HostServiceEnabled event) {
        states.setAttribute(event.host(), HostState.OPERATOR, "disabled", "false");
    }

    @EventHandler
    public void on(HostForcedDown event) {
        states.setAttribute(event.host(), HostState.OPERATOR, "forced_down", String.valueOf(event.forcedDown()));
    }

    @EventHandler
    public void on(HostAddedToAggregate event) {
        Set<String> members = new HashSet<>(states.aggregateHosts(event.aggregateId()));
        members.add(event.host());
        states.aggregateChanged(event.aggregateId(), event.availabilityZone(), event.metadata(), members);
    }

    @EventHandler
    public void on(HostRemovedFromAggregate event) {
        Set<String> members = new HashSet<>(states.aggregateHosts(event.aggregateId()));
        members.remove(event.host());
        states.aggregateChanged(event.aggregateId(), event.availabilityZone(), event.metadata(), members);
    }

    @EventHandler
    public void on(AggregateMetadataSet event) {
        states.aggregateChanged(event.aggregateId(), event.availabilityZone(), event.metadata(), event.hosts());
    }

    @EventHandler
    public void on(AggregateUpdated event) {
        states.aggregateChanged(event.aggregateId(), event.availabilityZone(), event.metadata(), event.hosts());
    }

    @EventHandler
    public void on(ServerGroupMemberPlaced event) {
        states.memberPlaced(event.groupId(), event.instanceId(), event.host());
    }

    @EventHandler
    public void on(ServerGroupMemberRemoved event) {
        states.memberRemoved(event.groupId(), event.instanceId());
    }

    @EventHandler
    public void on(HostResourcesClaimed event) {
        states.claim(event.host(), event.instanceId(), event.amount());
    }

    @EventHandler
    public void on(HostResourcesReleased event) {
        states.release(event.host(), event.instanceId(), event.amount());
    }
}
