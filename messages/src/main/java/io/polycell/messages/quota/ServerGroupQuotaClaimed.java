package io.polycell.messages.quota;

import org.axonframework.serialization.Revision;

/** A server group counts against its project's and its user's {@code server_groups} quota. */
@Revision("1")
public record ServerGroupQuotaClaimed(String projectId, String userId, String groupId) {
}
