package io.polycell.messages.group;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An instance of the group is gone (deleted, or its placement was given up).
 */
public record RemoveGroupMember(@TargetAggregateIdentifier String groupId, String instanceId) {
}
