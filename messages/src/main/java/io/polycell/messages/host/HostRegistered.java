package io.polycell.messages.host;

import io.polycell.messages.common.Resources;
import java.util.Map;
import java.util.Set;
import org.axonframework.serialization.Revision;

/**
 * A compute host joined its cell with this total capacity, of which its allocation policy says
 * how much may be claimed, these capabilities and these traits (Nova's trait names, such as
 * {@code HW_CPU_X86_AVX2} or {@code COMPUTE_NODE}: what flavors and images may require or forbid).
 */
@Revision("1")
public record HostRegistered(String host, String cell, Resources capacity,
                             AllocationPolicy allocation, Map<String, String> capabilities,
                             Set<String> traits) {

    /**
     * Events recorded before allocation policies, capabilities and traits existed sold the whole host
     * and told nothing: they read as {@link AllocationPolicy#NONE} and empty maps and sets.
     */
    public HostRegistered {
        allocation = allocation == null ? AllocationPolicy.NONE : allocation;
        capabilities = capabilities == null ? Map.of() : Map.copyOf(capabilities);
        traits = traits == null ? Set.of() : Set.copyOf(traits);
    }

    public HostRegistered(String host, String cell, Resources capacity) {
        this(host, cell, capacity, AllocationPolicy.NONE, Map.of(), Set.of());
    }

    public HostRegistered(String host, String cell, Resources capacity, AllocationPolicy allocation) {
        this(host, cell, capacity, allocation, Map.of(), Set.of());
    }

    public HostRegistered(String host, String cell, Resources capacity, AllocationPolicy allocation,
                          Map<String, String> capabilities) {
        this(host, cell, capacity, allocation, capabilities, Set.of());
    }

    /** What may be claimed on the host. */
    public Resources schedulable() {
        return allocation.schedulable(capacity);
    }
}
