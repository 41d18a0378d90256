package io.polycell.messages.instance;

import io.polycell.messages.common.Requester;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sets metadata items of a server: merged into what it has, or, with {@code replaceAll}, instead of
 * all of it. The instance decides whether its state allows it and whether the result stays within
 * {@code limit}; answers the server's metadata afterwards.
 *
 * @param limit the requester's {@code metadata_items} limit (Nova checks the requester's project and
 *              user), -1 for none
 */
public record UpdateServerMetadata(@TargetAggregateIdentifier String instanceId, Map<String, String> items,
                                   boolean replaceAll, int limit, Requester requester) {

    public UpdateServerMetadata {
        items = Map.copyOf(items);
    }
}
