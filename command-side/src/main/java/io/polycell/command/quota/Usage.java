package io.polycell.command.quota;

import io.polycell.messages.quota.ProjectUsage;
import io.polycell.messages.quota.QuotaResource;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** What one project, or one user in it, has in use of the resources Polycell counts. */
record Usage(long instances, long cores, long ram, long serverGroups) {

    static final Usage NONE = new Usage(0, 0, 0, 0);

    Usage plusServers(long count, int vcpus, int ramMb) {
        return new Usage(instances + count, cores + count * vcpus, ram + count * ramMb, serverGroups);
    }

    Usage plus(Usage other) {
        return new Usage(instances + other.instances, cores + other.cores, ram + other.ram,
                serverGroups + other.serverGroups);
    }

    Usage plusServerGroups(long count) {
        return new Usage(instances, cores, ram, serverGroups + count);
    }

    long of(QuotaResource resource) {
        return switch (resource) {
            case INSTANCES -> instances;
            case CORES -> cores;
            case RAM -> ram;
            case SERVER_GROUPS -> serverGroups;
            default -> 0;
        };
    }

    /** The counted resources, zero or not: the same keys whoever builds the map. */
    Map<QuotaResource, Long> asMap() {
        Map<QuotaResource, Long> map = new EnumMap<>(QuotaResource.class);
        map.put(QuotaResource.CORES, cores);
        map.put(QuotaResource.INSTANCES, instances);
        map.put(QuotaResource.RAM, ram);
        map.put(QuotaResource.SERVER_GROUPS, serverGroups);
        return map;
    }

    /**
     * A project's usage in the one form the live quota and a recount both answer in; users with
     * nothing in use are left out.
     */
    static ProjectUsage describe(String projectId, Usage project, Map<String, Usage> users, Set<String> servers,
                                 Set<String> serverGroups) {
        Map<String, Map<QuotaResource, Long>> byUser = new HashMap<>();
        users.forEach((user, usage) -> {
            if (!usage.equals(NONE)) {
                byUser.put(user, usage.asMap());
            }
        });
        return new ProjectUsage(projectId, project.asMap(), byUser, servers, serverGroups);
    }
}
