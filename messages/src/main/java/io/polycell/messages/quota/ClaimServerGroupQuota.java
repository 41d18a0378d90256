package io.polycell.messages.quota;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Counts a new server group against its project's (and its user's) {@code server_groups} quota, or
 * refuses with Nova's 403. Claiming a group already counted changes nothing.
 */
public record ClaimServerGroupQuota(@TargetAggregateIdentifier String projectId, String userId, String groupId) {
}
