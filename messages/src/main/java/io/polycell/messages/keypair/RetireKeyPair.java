package io.polycell.messages.keypair;

/**
 * Deletes a user's key pair and gives its place back to the quota that counted it, in one step; a
 * key pair the user does not have is a 404.
 */
public record RetireKeyPair(String userId, String name) {
}
