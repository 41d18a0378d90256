package io.polycell.messages.host;

import io.polycell.messages.common.Resources;
import java.util.Map;
import org.axonframework.serialization.Revision;

/**
 * A compute host joined its cell with this total capacity, of which its allocation policy says
 * how much may be claimed, and these capabilities.
 */
@Revision("1")
public record HostRegistered(String host, String cell, Resources capacity,
                             AllocationPolicy allocation, Map<String, String> capabilities) {

    /** Events recorded before allocation policies and capabilities existed sold the whole host and told nothing. */
    public HostRegistered {
        allocation = allocation == null ? AllocationPolicy.NONE : allocation;
        capabilities = capabilities == null ? Map.of() : Map.copyOf(capabilities);
    }

    public HostRegistered(String host, String cell, Resources capacity) {
        this(host, cell, capacity, AllocationPolicy.NONE, Map.of());
    }

    public HostRegistered(String host, String cell, Resources capacity, AllocationPolicy allocation) {
        this(host, cell, capacity, allocation, Map.of());
    }

    /** What may be claimed on the host. */
    public Resources schedulable() {
        return allocation.schedulable(capacity);
    }
}
