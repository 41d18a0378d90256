package io.polycell.messages.group;

import io.polycell.messages.common.Requester;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deletes a server group; only its project or an admin may, anyone else does not see it. */
public record DeleteServerGroup(@TargetAggregateIdentifier String groupId, Requester requester) {
}
