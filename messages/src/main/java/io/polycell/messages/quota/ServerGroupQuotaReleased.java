package io.polycell.messages.quota;

import org.axonframework.serialization.Revision;

/** A deleted server group no longer counts. */
@Revision("1")
public record ServerGroupQuotaReleased(String projectId, String userId, String groupId) {
}
