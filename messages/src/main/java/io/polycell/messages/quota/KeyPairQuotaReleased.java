package io.polycell.messages.quota;

import org.axonframework.serialization.Revision;

/** A deleted key pair no longer counts. */
@Revision("1")
public record KeyPairQuotaReleased(String projectId, String userId, String keyPairId) {
}
