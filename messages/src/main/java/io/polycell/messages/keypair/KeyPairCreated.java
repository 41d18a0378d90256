package io.polycell.messages.keypair;

import org.axonframework.serialization.Revision;

/**
 * A user has a key pair of this name: its public key (never a private key) and Nova's fingerprint of
 * it. {@code projectId} is the project whose quota counts it.
 */
@Revision("1")
public record KeyPairCreated(String keyPairId, String userId, String name, KeyPairType type, String publicKey,
                             String fingerprint, String projectId) {
}
