package io.polycell.messages.group;

import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates a server group. {@code policy} is the name the user sent, checked by the group itself;
 * {@code rules} is Nova 2.64's rule map ({@code max_server_per_host}), empty when none was given.
 */
public record CreateServerGroup(@TargetAggregateIdentifier String groupId, String name, String policy,
                                Map<String, Integer> rules, String projectId, String userId) {
}
