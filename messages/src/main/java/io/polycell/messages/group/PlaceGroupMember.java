package io.polycell.messages.group;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The super-conductor asks a server group to take an instance on a host; refused when the group's
 * policy forbids that host. Every member placement goes through the group, one at a time, so the
 * policy holds for any timing.
 */
public record PlaceGroupMember(@TargetAggregateIdentifier String groupId, String instanceId, String host) {
}
