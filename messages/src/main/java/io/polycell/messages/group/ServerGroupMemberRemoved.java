package io.polycell.messages.group;

import org.axonframework.serialization.Revision;

/**
 * An instance left its group.
 */
@Revision("1")
public record ServerGroupMemberRemoved(String groupId, String instanceId, String host) {
}
