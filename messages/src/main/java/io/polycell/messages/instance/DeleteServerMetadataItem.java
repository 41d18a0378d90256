package io.polycell.messages.instance;

import io.polycell.messages.common.Requester;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Removes one metadata item of a server; an item it does not have is a 404. */
public record DeleteServerMetadataItem(@TargetAggregateIdentifier String instanceId, String key,
                                       Requester requester) {
}
