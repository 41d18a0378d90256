package io.polycell.messages.quota;

import org.axonframework.serialization.Revision;

/** A server no longer counts against its project's quota: it carries back what it had claimed. */
@Revision("1")
public record ServerQuotaReleased(String projectId, String userId, String instanceId, int vcpus, int ramMb,
                                  String groupId) {
}
