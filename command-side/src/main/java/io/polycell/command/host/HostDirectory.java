package io.polycell.command.host;

import io.polycell.messages.host.ComputeServiceIds;
import io.polycell.messages.host.HostRegistered;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.Configurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;

/**
 * Which cell holds a host, and which host a compute service UUID names: what the service endpoints
 * need to send an operator's command to the one cell whose {@code Host} aggregate decides it. Kept in
 * memory and rebuilt from every cell's {@link HostRegistered} events at each start (an in-memory token),
 * so the command side needs no database and never asks a view. A host registered a moment ago may be
 * missing for the few milliseconds its cell's processor takes to see it.
 */
@ProcessingGroup(HostDirectory.GROUP)
public final class HostDirectory {

    public static final String GROUP = "host-directory";

    private final Map<String, String> cells = new ConcurrentHashMap<>();
    private final Map<UUID, String> hostsByService = new ConcurrentHashMap<>();

    /** Feeds this directory from one cell's store; called once per cell. */
    public void feedFrom(Configurer cell) {
        cell.eventProcessing(processing -> processing
                .registerEventHandler(c -> this)
                .registerTokenStore(GROUP, c -> new InMemoryTokenStore()));
    }

    @EventHandler
    void on(HostRegistered event) {
        cells.put(event.host(), event.cell());
        hostsByService.put(ComputeServiceIds.of(event.host()).service(), event.host());
    }

    public Optional<String> cellOf(String host) {
        return Optional.ofNullable(cells.get(host));
    }

    /** The host whose compute service has this UUID (microversion 2.53 on). */
    public Optional<String> hostOf(UUID serviceId) {
        return Optional.ofNullable(hostsByService.get(serviceId));
    }
}
