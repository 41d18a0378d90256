package io.polycell.messages.host;

import io.polycell.messages.common.Resources;
import java.util.Map;
import org.axonframework.serialization.Revision;

/**
 * A compute host's total capacity, allocation policy or capabilities changed.
 */
@Revision("1")
public record HostInventoryChanged(String host, String cell, Resources capacity,
                                   AllocationPolicy allocation, Map<String, String> capabilities) {

    /** Events recorded before allocation policies and capabilities existed sold the whole host and told nothing. */
    public HostInventoryChanged {
        allocation = allocation == null ? AllocationPolicy.NONE : allocation;
        capabilities = capabilities == null ? Map.of() : Map.copyOf(capabilities);
    }

    public HostInventoryChanged(String host, String cell, Resources capacity) {
        this(host, cell, capacity, AllocationPolicy.NONE, Map.of());
    }

    public HostInventoryChanged(String host, String cell, Resources capacity, AllocationPolicy allocation) {
        this(host, cell, capacity, allocation, Map.of());
    }

    /** What may be claimed on the host. */
    public Resources schedulable() {
        return allocation.schedulable(capacity);
    }
}
