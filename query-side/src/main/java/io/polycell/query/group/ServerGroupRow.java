package io.polycell.query.group;

import io.polycell.messages.group.ServerGroupPolicy;
import java.time.Instant;
import java.util.Map;

/** One server group as the API shows it. */
public record ServerGroupRow(String groupId, String name, ServerGroupPolicy policy, Map<String, Integer> rules,
                             String projectId, String userId, Instant createdAt) {
}
