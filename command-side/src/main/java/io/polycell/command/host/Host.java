package io.polycell.command.host;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.polycell.messages.common.Resources;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import io.polycell.messages.host.AllocationPolicy;
import io.polycell.messages.host.ClaimHostResources;
import io.polycell.messages.host.ClaimedInstances;
import io.polycell.messages.host.DisableHostService;
import io.polycell.messages.host.EnableHostService;
import io.polycell.messages.host.ForceHostDown;
import io.polycell.messages.host.HostCameUp;
import io.polycell.messages.host.HostForcedDown;
import io.polycell.messages.host.HostServiceDisabled;
import io.polycell.messages.host.HostServiceEnabled;
import io.polycell.messages.host.HostServiceStatus;
import io.polycell.messages.host.HostOrphansChanged;
import io.polycell.messages.host.HostWentDown;
import io.polycell.messages.host.MarkHostDown;
import io.polycell.messages.host.MarkHostUp;
import io.polycell.messages.host.SyncHostGuests;
import io.polycell.messages.host.HostInventoryChanged;
import io.polycell.messages.host.HostRegistered;
import io.polycell.messages.host.HostResourcesClaimed;
import io.polycell.messages.host.HostResourcesReleased;
import io.polycell.messages.host.ReleaseHostResources;
import io.polycell.messages.host.ReportHostInventory;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * A compute host's capacity and the claims on it, in its cell's store. Every claim goes through
 * here, one at a time, so two schedulers working from stale views can never book the same capacity
 * twice. Claims and releases are idempotent per instance, so a retried step is harmless. It is also
 * the host's compute service (Nova's os-services): disabled or forced down by an operator, an event
 * only when that changes.
 */
public class Host {

    @AggregateIdentifier
    private String host;
    private String cell;
    private Resources capacity;
    private AllocationPolicy allocation;
    private Map<String, String> capabilities = Map.of();
    private Set<String> traits = Set.of();
    /** What may be claimed: the capacity after the allocation policy's reservation and ratios. */
    private Resources schedulable;
    private final Map<String, Resources> claims = new HashMap<>();
    private int usedVcpus;
    private int usedRamMb;
    private int usedDiskGb;
    private Set<String> orphans = Set.of();
    private boolean down;
    private boolean disabled;
    private String disabledReason;
    private boolean forcedDown;
    /** When the service last changed, kept only to answer the service commands as Nova does. */
    private Instant serviceUpdatedAt;

    private Host() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ReportHostInventory command) {
        if (capacity == null) {
            apply(new HostRegistered(command.host(), command.cell(), command.capacity(), command.allocation(),
                    command.capabilities(), command.traits()));
        } else if (!capacity.equals(command.capacity()) || !allocation.equals(command.allocation())
                || !capabilities.equals(command.capabilities()) || !traits.equals(command.traits())) {
            apply(new HostInventoryChanged(command.host(), command.cell(), command.capacity(), command.allocation(),
                    command.capabilities(), command.traits()));
        }
    }

    @CommandHandler
    void handle(ClaimHostResources command) {
        if (claims.containsKey(command.instanceId())) {
            return;
        }
        Resources amount = command.amount();
        if (usedVcpus + amount.vcpus() > schedulable.vcpus() || usedRamMb + amount.ramMb() > schedulable.ramMb()
                || usedDiskGb + amount.diskGb() > schedulable.diskGb()) {
            throw new PolycellException(ErrorCode.HOST_CAPACITY_EXCEEDED, "Host " + host + " cannot take "
                    + amount + ": " + (schedulable.vcpus() - usedVcpus) + " vCPUs, "
                    + (schedulable.ramMb() - usedRamMb) + " MB RAM, " + (schedulable.diskGb() - usedDiskGb)
                    + " GB disk free after allocation ratios and reserved amounts");
        }
        apply(new HostResourcesClaimed(host, cell, command.instanceId(), amount));
    }

    @CommandHandler
    void handle(ReleaseHostResources command) {
        Resources amount = claims.get(command.instanceId());
        if (amount != null) {
            apply(new HostResourcesReleased(host, cell, command.instanceId(), amount));
        }
    }

    /**
     * The agent's periodic look at its hypervisor. Guests that no claim on this host owns are orphans;
     * an event is recorded only when that set changes, never once per look.
     */
    @CommandHandler
    ClaimedInstances handle(SyncHostGuests command) {
        Set<String> found = new TreeSet<>(command.guests().keySet());
        found.removeAll(claims.keySet());
        if (!found.equals(orphans)) {
            apply(new HostOrphansChanged(host, cell, Set.copyOf(found)));
        }
        return new ClaimedInstances(Set.copyOf(claims.keySet()));
    }

    @CommandHandler
    void handle(MarkHostDown command) {
        if (!down) {
            apply(new HostWentDown(host, cell, command.lastSeen()));
        }
    }

    @CommandHandler
    void handle(MarkHostUp command) {
        if (down) {
            apply(new HostCameUp(host, cell));
        }
    }

    /** A host already disabled records nothing, and keeps the reason it was first disabled for. */
    @CommandHandler
    HostServiceStatus handle(DisableHostService command) {
        if (!disabled) {
            apply(new HostServiceDisabled(host, cell, command.reason()));
        }
        return serviceStatus();
    }

    @CommandHandler
    HostServiceStatus handle(EnableHostService command) {
        if (disabled) {
            apply(new HostServiceEnabled(host, cell));
        }
        return serviceStatus();
    }

    @CommandHandler
    HostServiceStatus handle(ForceHostDown command) {
        if (forcedDown != command.forcedDown()) {
            apply(new HostForcedDown(host, cell, command.forcedDown()));
        }
        return serviceStatus();
    }

    private HostServiceStatus serviceStatus() {
        return new HostServiceStatus(host, cell, disabled, disabledReason, forcedDown, down, serviceUpdatedAt);
    }

    @EventSourcingHandler
    void on(HostServiceDisabled event, @Timestamp Instant at) {
        disabled = true;
        disabledReason = event.reason();
        serviceUpdatedAt = at;
    }

    @EventSourcingHandler
    void on(HostServiceEnabled event, @Timestamp Instant at) {
        disabled = false;
        disabledReason = null;
        serviceUpdatedAt = at;
    }

    @EventSourcingHandler
    void on(HostForcedDown event, @Timestamp Instant at) {
        forcedDown = event.forcedDown();
        serviceUpdatedAt = at;
    }

    @EventSourcingHandler
    void on(HostOrphansChanged event) {
        orphans = new TreeSet<>(event.orphans());
    }

    @EventSourcingHandler
    void on(HostWentDown event, @Timestamp Instant at) {
        down = true;
        serviceUpdatedAt = at;
    }

    @EventSourcingHandler
    void on(HostCameUp event, @Timestamp Instant at) {
        down = false;
        serviceUpdatedAt = at;
    }

    @EventSourcingHandler
    void on(HostRegistered event, @Timestamp Instant at) {
        host = event.host();
        cell = event.cell();
        capacity = event.capacity();
        allocation = event.allocation();
        capabilities = event.capabilities();
        traits = event.traits();
        schedulable = event.schedulable();
        serviceUpdatedAt = at;
    }

    @EventSourcingHandler
    void on(HostInventoryChanged event, @Timestamp Instant at) {
        capacity = event.capacity();
        allocation = event.allocation();
        capabilities = event.capabilities();
        traits = event.traits();
        schedulable = event.schedulable();
        serviceUpdatedAt = at;
    }

    @EventSourcingHandler
    void on(HostResourcesClaimed event) {
        claims.put(event.instanceId(), event.amount());
        usedVcpus += event.amount().vcpus();
        usedRamMb += event.amount().ramMb();
        usedDiskGb += event.amount().diskGb();
    }

    @EventSourcingHandler
    void on(HostResourcesReleased event) {
        claims.remove(event.instanceId());
        usedVcpus -= event.amount().vcpus();
        usedRamMb -= event.amount().ramMb();
        usedDiskGb -= event.amount().diskGb();
    }
}
