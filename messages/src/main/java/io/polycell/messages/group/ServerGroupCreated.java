package io.polycell.messages.group;

import java.util.Map;
import org.axonframework.serialization.Revision;

/**
 * A server group exists with its placement policy and rules: what the scheduler's affinity filters
 * need for every boot into the group.
 */
@Revision("1")
public record ServerGroupCreated(String groupId, String name, ServerGroupPolicy policy, Map<String, Integer> rules,
                                 String projectId, String userId) {
}
