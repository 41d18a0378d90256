package io.polycell.messages.flavor;

import java.util.Map;
import org.axonframework.serialization.Revision;

/**
 * Extra specs were set on a flavor: {@code extraSpecs} holds the keys set, with their new values;
 * the flavor's other keys are unchanged. Servers already accepted keep the extra specs they had.
 */
@Revision("1")
public record FlavorExtraSpecsSet(String flavorId, Map<String, String> extraSpecs) {

    public FlavorExtraSpecsSet {
        extraSpecs = extraSpecs == null ? Map.of() : Map.copyOf(extraSpecs);
    }
}
