package io.polycell.messages.keypair;

/**
 * Creates a user's key pair and counts it against the quota of the project it is created in, in one
 * step: both happen, or neither. Without {@code publicKey} a key pair is generated, and its private
 * key is in the answer ({@link NewKeyPair}) and nowhere else.
 *
 * @param projectId the requester's project, whose quota counts the key pair (Nova checks the key pair
 *                  limit of the requester's project, also when an admin creates one for another user)
 */
public record AdmitKeyPair(String userId, String projectId, String name, KeyPairType type, String publicKey) {
}
