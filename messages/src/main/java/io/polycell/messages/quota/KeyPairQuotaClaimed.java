package io.polycell.messages.quota;

import org.axonframework.serialization.Revision;

/** A key pair counts against its user's {@code key_pairs} limit in the project. */
@Revision("1")
public record KeyPairQuotaClaimed(String projectId, String userId, String keyPairId) {
}
