package io.polycell.messages.flavor;

import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Merges extra specs into a flavor (Nova's {@code POST} and {@code PUT .../os-extra_specs}): each key
 * given is set, the others are kept.
 */
public record SetFlavorExtraSpecs(@TargetAggregateIdentifier String flavorId, Map<String, String> extraSpecs) {

    public SetFlavorExtraSpecs {
        extraSpecs = Map.copyOf(extraSpecs);
    }
}
