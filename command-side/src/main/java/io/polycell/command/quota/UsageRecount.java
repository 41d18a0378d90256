package io.polycell.command.quota;

import io.polycell.messages.build.BuildRequestCancelled;
import io.polycell.messages.build.BuildRequestCreated;
import io.polycell.messages.group.ServerGroupCreated;
import io.polycell.messages.group.ServerGroupDeleted;
import io.polycell.messages.instance.InstanceDeleted;
import io.polycell.messages.instance.InstanceSpec;
import io.polycell.messages.keypair.KeyPairCreated;
import io.polycell.messages.keypair.KeyPairDeleted;
import io.polycell.messages.quota.KeyPairQuotaClaimed;
import io.polycell.messages.quota.ProjectUsage;
import io.polycell.messages.quota.QuotaLimitsSet;
import io.polycell.messages.quota.ServerGroupQuotaClaimed;
import io.polycell.messages.quota.ServerQuotaClaimed;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.axonframework.eventhandling.EventMessage;

/**
 * A project's usage recomputed from the facts, not from the quota's own events: every server whose
 * build request was recorded (API store) and that was neither cancelled there nor deleted in any cell,
 * each such server that joined a server group as one of that group's members (whether the group still
 * exists or not, as the quota counts them), every server group not deleted, and every key pair not
 * deleted (in the project it was created in).
 * Feed it every event of the API store and of every cell, in any order of stores; it deserializes
 * only the events it counts from.
 */
final class UsageRecount {

    private static final Set<Class<?>> COUNTED = Set.of(BuildRequestCreated.class, BuildRequestCancelled.class,
            InstanceDeleted.class, ServerGroupCreated.class, ServerGroupDeleted.class, ServerQuotaClaimed.class,
            ServerGroupQuotaClaimed.class, QuotaLimitsSet.class, KeyPairCreated.class, KeyPairDeleted.class,
            KeyPairQuotaClaimed.class);

    /** A server as its build request recorded it; {@code groupId} is null outside a server group. */
    private record Server(String projectId, String userId, int vcpus, int ramMb, String groupId) {
    }

    /** A server group as it was created. */
    private record Group(String projectId, String userId) {
    }

    private final Predicate<String> projects;
    private final Map<String, Server> servers = new LinkedHashMap<>();
    private final Set<String> goneServers = new HashSet<>();
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final Set<String> goneGroups = new HashSet<>();
    private final Set<String> projectsWithQuota = new TreeSet<>();
    /**
     * Each key pair there is now, with its project. All key pair events are in the API store, in
     * order, so a deletion always follows its creation (a name created again has the same id).
     */
    private final Map<String, String> keyPairProjects = new HashMap<>();

    /** Recounts the projects {@code projects} accepts. */
    UsageRecount(Predicate<String> projects) {
        this.projects = projects;
    }

    void accept(EventMessage<?> event) {
        if (!COUNTED.contains(event.getPayloadType())) {
            return;
        }
        Object payload = event.getPayload();
        if (payload instanceof BuildRequestCreated created) {
            InstanceSpec spec = created.spec();
            if (projects.test(spec.projectId())) {
                servers.put(created.instanceId(), new Server(spec.projectId(), spec.userId(), spec.flavor().vcpus(),
                        spec.flavor().ramMb(), spec.group() == null ? null : spec.group().groupId()));
            }
        } else if (payload instanceof BuildRequestCancelled cancelled) {
            goneServers.add(cancelled.instanceId());
        } else if (payload instanceof InstanceDeleted deleted) {
            goneServers.add(deleted.instanceId());
        } else if (payload instanceof ServerGroupCreated created && projects.test(created.projectId())) {
            groups.put(created.groupId(), new Group(created.projectId(), created.userId()));
        } else if (payload instanceof ServerGroupDeleted deleted) {
            goneGroups.add(deleted.groupId());
        } else if (payload instanceof ServerQuotaClaimed claimed) {
            noteQuota(claimed.projectId());
        } else if (payload instanceof ServerGroupQuotaClaimed claimed) {
            noteQuota(claimed.projectId());
        } else if (payload instanceof QuotaLimitsSet set) {
            noteQuota(set.projectId());
        } else if (payload instanceof KeyPairCreated created && projects.test(created.projectId())) {
            keyPairProjects.put(created.keyPairId(), created.projectId());
        } else if (payload instanceof KeyPairDeleted deleted) {
            keyPairProjects.remove(deleted.keyPairId());
        } else if (payload instanceof KeyPairQuotaClaimed claimed) {
            noteQuota(claimed.projectId());
        }
    }

    private void noteQuota(String projectId) {
        if (projects.test(projectId)) {
            projectsWithQuota.add(projectId);
        }
    }

    /** Every project seen: with servers, groups or key pairs, or whose quota was ever written. */
    Set<String> projects() {
        Set<String> all = new TreeSet<>(projectsWithQuota);
        servers.values().forEach(server -> all.add(server.projectId()));
        groups.values().forEach(group -> all.add(group.projectId()));
        all.addAll(keyPairProjects.values());
        return all;
    }

    /** What each project seen has in use according to the events read so far. */
    Map<String, ProjectUsage> usage() {
        Map<String, Usage> projectUsage = new HashMap<>();
        Map<String, Map<String, Usage>> userUsage = new HashMap<>();
        Map<String, Set<String>> countedServers = new HashMap<>();
        Map<String, Set<String>> countedGroups = new HashMap<>();
        Map<String, Map<String, Map<String, Integer>>> members = new HashMap<>();
        servers.forEach((instanceId, server) -> {
            if (!goneServers.contains(instanceId)) {
                Usage one = Usage.NONE.plusServers(1, server.vcpus(), server.ramMb());
                add(projectUsage, userUsage, server.projectId(), server.userId(), one);
                countedServers.computeIfAbsent(server.projectId(), p -> new HashSet<>()).add(instanceId);
                if (server.groupId() != null) {
                    members.computeIfAbsent(server.projectId(), p -> new HashMap<>())
                            .computeIfAbsent(server.groupId(), g -> new HashMap<>())
                            .merge(server.userId(), 1, Integer::sum);
                }
            }
        });
        groups.forEach((groupId, group) -> {
            if (!goneGroups.contains(groupId)) {
                add(projectUsage, userUsage, group.projectId(), group.userId(), Usage.NONE.plusServerGroups(1));
                countedGroups.computeIfAbsent(group.projectId(), p -> new HashSet<>()).add(groupId);
            }
        });
        Map<String, ProjectUsage> usage = new TreeMap<>();
        for (String projectId : projects()) {
            usage.put(projectId, Usage.describe(projectId, projectUsage.getOrDefault(projectId, Usage.NONE),
                    userUsage.getOrDefault(projectId, Map.of()), countedServers.getOrDefault(projectId, Set.of()),
                    countedGroups.getOrDefault(projectId, Set.of())).withKeyPairs(keyPairsOf(projectId))
                    .withServerGroupMembers(members.getOrDefault(projectId, Map.of())));
        }
        return usage;
    }

    private Set<String> keyPairsOf(String projectId) {
        Set<String> keyPairs = new HashSet<>();
        keyPairProjects.forEach((keyPairId, project) -> {
            if (project.equals(projectId)) {
                keyPairs.add(keyPairId);
            }
        });
        return keyPairs;
    }

    private static void add(Map<String, Usage> projects, Map<String, Map<String, Usage>> users, String projectId,
                            String userId, Usage more) {
        projects.merge(projectId, more, Usage::plus);
        users.computeIfAbsent(projectId, p -> new HashMap<>()).merge(userId, more, Usage::plus);
    }
}
