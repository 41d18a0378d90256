package io.polycell.scheduler;

import io.polycell.messages.host.HostCameUp;
import io.polycell.messages.host.HostInventoryChanged;
import io.polycell.messages.host.HostRegistered;
import io.polycell.messages.host.HostResourcesClaimed;
import io.polycell.messages.host.HostResourcesReleased;
import io.polycell.messages.host.HostWentDown;
import org.axonframework.eventhandling.EventHandler;

/**
 * Builds {@link HostStates} from the host events of every cell (seed 003: no database between the
 * scheduler and the hosts). It runs on a processor that reads all cells' streams as one source and
 * starts from the beginning at every start, since the state lives only in memory.
 */
public final class HostStateProjection {

    private final HostStates states;

    public HostStateProjection(HostStates states) {
        this.states = states;
    }

    @EventHandler
    public void on(HostRegistered event) {
        states.register(event.host(), event.cell(), event.capacity());
    }

    @EventHandler
    public void on(HostInventoryChanged event) {
        states.register(event.host(), event.cell(), event.capacity());
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
    public void on(HostResourcesClaimed event) {
        states.claim(event.host(), event.instanceId(), event.amount());
    }

    @EventHandler
    public void on(HostResourcesReleased event) {
        states.release(event.host(), event.amount());
    }
}
