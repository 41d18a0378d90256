package io.polycell.messages.quota;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Counts a new key pair of a user against the user's {@code key_pairs} limit in the project, or
 * refuses with Nova's 403. Claiming a key pair already counted changes nothing.
 */
public record ClaimKeyPairQuota(@TargetAggregateIdentifier String projectId, String userId, String keyPairId) {
}
