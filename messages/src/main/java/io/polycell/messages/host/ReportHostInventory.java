package io.polycell.messages.host;

import io.polycell.messages.common.Resources;
import java.util.Map;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A compute agent reports its host's total capacity, allocation policy, capabilities (hypervisor
 * type, architecture: what image properties are matched against) and traits (Nova's trait names:
 * what flavors and images may require or forbid); nothing is recorded unless one of them changed.
 */
public record ReportHostInventory(@TargetAggregateIdentifier String host, String cell, Resources capacity,
                                  AllocationPolicy allocation, Map<String, String> capabilities,
                                  Set<String> traits) {

    public ReportHostInventory {
        allocation = allocation == null ? AllocationPolicy.NONE : allocation;
        capabilities = capabilities == null ? Map.of() : Map.copyOf(capabilities);
        traits = traits == null ? Set.of() : Set.copyOf(traits);
    }

    public ReportHostInventory(String host, String cell, Resources capacity) {
        this(host, cell, capacity, AllocationPolicy.NONE, Map.of(), Set.of());
    }

    public ReportHostInventory(String host, String cell, Resources capacity, AllocationPolicy allocation) {
        this(host, cell, capacity, allocation, Map.of(), Set.of());
    }

    public ReportHostInventory(String host, String cell, Resources capacity, AllocationPolicy allocation,
                               Map<String, String> capabilities) {
        this(host, cell, capacity, allocation, capabilities, Set.of());
    }
}
