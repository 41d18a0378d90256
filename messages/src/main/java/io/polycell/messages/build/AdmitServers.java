package io.polycell.messages.build;

import java.util.List;

/**
 * Accepts the servers of one {@code POST /servers} in one step: the project's quota is claimed for
 * them and their build requests are recorded in the same transaction, all of them or, when the quota
 * leaves room for fewer, the first ones down to {@code minCount}. Answers an {@link Admission}. All
 * servers share the flavor, image, group and requester of the first.
 */
public record AdmitServers(List<CreateBuildRequest> servers, int minCount) {

    public AdmitServers {
        servers = List.copyOf(servers);
        if (servers.isEmpty() || minCount < 1 || minCount > servers.size()) {
            throw new IllegalArgumentException("Admitting 1 to " + servers.size() + " servers, at least " + minCount);
        }
    }
}
