package io.polycell.messages.keypair;

import org.axonframework.serialization.Revision;

/** A user's key pair is gone, and the quota of {@code projectId} no longer counts it. */
@Revision("1")
public record KeyPairDeleted(String keyPairId, String userId, String name, String projectId) {
}
