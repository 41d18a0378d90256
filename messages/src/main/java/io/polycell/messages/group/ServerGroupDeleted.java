package io.polycell.messages.group;

import org.axonframework.serialization.Revision;

/** A server group is gone; its former members keep running where they are. */
@Revision("1")
public record ServerGroupDeleted(String groupId) {
}
