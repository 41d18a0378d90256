package io.polycell.messages.quota;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A server group is deleted: it no longer counts. A group not counted changes nothing. */
public record ReleaseServerGroupQuota(@TargetAggregateIdentifier String projectId, String groupId) {
}
