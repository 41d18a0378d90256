package io.polycell.messages.keypair;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deletes the key pair of a user and name; the name is free again afterwards. */
public record DeleteKeyPair(@TargetAggregateIdentifier String keyPairId, String userId, String name) {
}
