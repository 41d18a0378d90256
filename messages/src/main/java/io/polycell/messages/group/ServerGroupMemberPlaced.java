package io.polycell.messages.group;

import org.axonframework.serialization.Revision;

/**
 * An instance of the group runs on this host.
 */
@Revision("1")
public record ServerGroupMemberPlaced(String groupId, String instanceId, String host) {
}
