package io.polycell.messages.group;

/** Deletes a server group and gives its place in the quota back, in one step. */
public record RetireServerGroup(DeleteServerGroup delete) {
}
