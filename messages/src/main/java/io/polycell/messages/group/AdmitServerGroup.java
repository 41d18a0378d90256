package io.polycell.messages.group;

/**
 * Creates a server group and counts it against its project's quota in one step: both happen, or
 * neither (403 when the quota is full).
 */
public record AdmitServerGroup(CreateServerGroup group) {
}
