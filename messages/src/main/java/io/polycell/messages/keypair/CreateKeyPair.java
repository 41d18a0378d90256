package io.polycell.messages.keypair;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates the key pair named {@code name} of a user; its aggregate is the one of that user and name,
 * so a second key pair of the same name is refused there. {@code publicKey} is checked against
 * {@code type} by the key pair itself.
 *
 * @param projectId the project whose quota counts the key pair, and gives it back when it is deleted
 */
public record CreateKeyPair(@TargetAggregateIdentifier String keyPairId, String userId, String name,
                            KeyPairType type, String publicKey, String projectId) {
}
