package io.polycell.messages.quota;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An admin reverts a project's limits to the defaults (and every user's in it with them), or only one
 * user's limits to the project's when {@code userId} is set. Usage is untouched.
 */
public record ResetQuotaLimits(@TargetAggregateIdentifier String projectId, String userId) {
}
