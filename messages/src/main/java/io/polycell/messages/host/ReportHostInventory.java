package io.polycell.messages.host;

import io.polycell.messages.common.Resources;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A compute agent reports its host's total capacity, allocation policy and capabilities (hypervisor
 * type, architecture: what image properties are matched against); nothing is recorded unless one of
 * them changed.
 */
public record ReportHostInventory(@TargetAggregateIdentifier String host, String cell, Resources capacity,
                                  AllocationPolicy allocation, Map<String, String> capabilities) {

    public ReportHostInventory {
        allocation = allocation == null ? AllocationPolicy.NONE : allocation;
        capabilities = capabilities == null ? Map.of() : Map.copyOf(capabilities);
    }

    public ReportHostInventory(String host, String cell, Resources capacity) {
        this(host, cell, capacity, AllocationPolicy.NONE, Map.of());
    }

    public ReportHostInventory(String host, String cell, Resources capacity, AllocationPolicy allocation) {
        this(host, cell, capacity, allocation, Map.of());
    }
}
