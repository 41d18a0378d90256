package io.polycell.messages.quota;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Gives a server's share back to its project's quota. A server the quota does not count (never
 * claimed, or released already) changes nothing, so a redelivered release is harmless.
 */
public record ReleaseServerQuota(@TargetAggregateIdentifier String projectId, String instanceId) {
}
