package io.polycell.messages.instance;

import io.polycell.messages.group.ServerGroupPolicy;

/**
 * The server group an instance joins ({@code os:scheduler_hints.group}), with what placement needs of
 * it, fixed when the API accepts the server.
 *
 * @param maxServerPerHost for anti-affinity: how many members may share a host (1 unless a rule says)
 */
public record GroupHint(String groupId, ServerGroupPolicy policy, int maxServerPerHost) {
}
