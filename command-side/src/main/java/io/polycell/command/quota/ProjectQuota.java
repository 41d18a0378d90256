package io.polycell.command.quota;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import io.polycell.messages.quota.ClaimKeyPairQuota;
import io.polycell.messages.quota.ClaimServerGroupQuota;
import io.polycell.messages.quota.ClaimServerQuota;
import io.polycell.messages.quota.KeyPairQuotaClaimed;
import io.polycell.messages.quota.KeyPairQuotaReleased;
import io.polycell.messages.quota.ProjectUsage;
import io.polycell.messages.quota.QuotaLimitsReset;
import io.polycell.messages.quota.QuotaLimitsSet;
import io.polycell.messages.quota.QuotaReport;
import io.polycell.messages.quota.QuotaResource;
import io.polycell.messages.quota.ReleaseKeyPairQuota;
import io.polycell.messages.quota.ReleaseServerGroupQuota;
import io.polycell.messages.quota.ReleaseServerQuota;
import io.polycell.messages.quota.ResetQuotaLimits;
import io.polycell.messages.quota.ServerGroupQuotaClaimed;
import io.polycell.messages.quota.ServerGroupQuotaReleased;
import io.polycell.messages.quota.ServerQuotaClaimed;
import io.polycell.messages.quota.ServerQuotaReleased;
import io.polycell.messages.quota.SetQuotaLimits;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One project's quota: its own limits (and its users'), and everything that counts against them,
 * server by server, group by group and key pair by key pair. Every claim goes through it, one at a time per project, so
 * requests racing for the last places can never together pass a limit; every release names what it
 * releases, so a release seen twice is counted once. It comes into being with the project's first
 * claim or limit; until then the project has the defaults and nothing in use. Its state is what a
 * snapshot holds (every field is a JSON property), so a long history is not replayed from the start.
 */
public class ProjectQuota {

    private static final Logger log = LoggerFactory.getLogger(ProjectQuota.class);
    private static final List<QuotaResource> PER_SERVER = List.of(QuotaResource.INSTANCES, QuotaResource.CORES,
            QuotaResource.RAM);

    @AggregateIdentifier
    @JsonProperty
    private String projectId;
    @JsonProperty
    private Map<QuotaResource, Integer> projectLimits = new EnumMap<>(QuotaResource.class);
    @JsonProperty
    private Map<String, Map<QuotaResource, Integer>> userLimits = new HashMap<>();
    @JsonProperty
    private Usage projectUsage = Usage.NONE;
    @JsonProperty
    private Map<String, Usage> userUsage = new HashMap<>();
    @JsonProperty
    private Map<String, ServerShare> servers = new HashMap<>();
    @JsonProperty
    private Map<String, String> serverGroupUsers = new HashMap<>();
    /** Members per server group and user: what {@code server_group_members} limits. */
    @JsonProperty
    private Map<String, Map<String, Integer>> groupMembers = new HashMap<>();
    /**
     * The user of each key pair created in this project: {@code key_pairs} limits a user's, and Nova
     * never adds them to a project's usage, so they are kept apart from {@link Usage}.
     */
    @JsonProperty
    private Map<String, String> keyPairUsers = new HashMap<>();

    /** What one counted server took, so that its release gives back exactly that. */
    record ServerShare(String userId, int vcpus, int ramMb, String groupId) {
    }

    private ProjectQuota() {
    }

    /** The quota of a project that never claimed anything and has no limits of its own. */
    static ProjectQuota unclaimed(String projectId) {
        ProjectQuota quota = new ProjectQuota();
        quota.projectId = projectId;
        return quota;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    List<String> handle(ClaimServerQuota command, QuotaDefaults defaults) {
        List<String> asked = command.instanceIds();
        long counted = asked.stream().filter(servers::containsKey).count();
        if (counted == asked.size()) {
            return asked;
        }
        if (counted > 0) {
            throw new PolycellException(ErrorCode.CONFLICT, "Some of these servers count already: " + asked);
        }
        Scope project = projectScope(defaults);
        Scope user = userScope(command.userId(), defaults);
        for (Scope scope : List.of(project, user)) {
            int limit = scope.limit(QuotaResource.METADATA_ITEMS);
            if (limit >= 0 && command.metadataItems() > limit) {
                log.info("Refused servers for project {}: {} metadata items, {} allowed", command.projectId(),
                        command.metadataItems(), limit);
                throw OverQuota.metadata(limit);
            }
        }
        long fitting = asked.size();
        for (QuotaResource resource : PER_SERVER) {
            long each = OverQuota.perServer(command, resource);
            if (each > 0) {
                fitting = Math.min(fitting, Math.min(project.room(resource), user.room(resource)) / each);
            }
        }
        if (fitting < command.minCount()) {
            PolycellException refusal = OverQuota.servers(command, project, user);
            log.info("Refused {} server(s) for project {} (user {}): {}", asked.size(), command.projectId(),
                    command.userId(), refusal.getMessage());
            throw refusal;
        }
        long admitted = Math.min(fitting, memberRoom(command, project, user));
        if (admitted < command.minCount()) {
            log.info("Refused {} server(s) for project {} in server group {}: the group has no room for them",
                    asked.size(), command.projectId(), command.groupId());
            throw OverQuota.groupMembers();
        }
        List<String> taken = asked.subList(0, (int) admitted);
        if (taken.size() < asked.size()) {
            log.info("Project {} asked for {} servers and its quota has room for {}: accepting {}", command.projectId(),
                    asked.size(), admitted, admitted);
        }
        apply(new ServerQuotaClaimed(command.projectId(), command.userId(), taken, command.vcpus(), command.ramMb(),
                command.groupId()));
        return taken;
    }

    /** How many more members the user may put into the group; unbounded without a group. */
    private long memberRoom(ClaimServerQuota command, Scope project, Scope user) {
        if (command.groupId() == null) {
            return Long.MAX_VALUE;
        }
        int members = groupMembers.getOrDefault(command.groupId(), Map.of()).getOrDefault(command.userId(), 0);
        long room = Long.MAX_VALUE;
        for (Scope scope : List.of(project, user)) {
            int limit = scope.limit(QuotaResource.SERVER_GROUP_MEMBERS);
            if (limit >= 0) {
                room = Math.min(room, Math.max(0, limit - members));
            }
        }
        return room;
    }

    @CommandHandler
    void handle(ReleaseServerQuota command) {
        ServerShare share = servers.get(command.instanceId());
        if (share == null) {
            log.debug("Server {} does not count against project {}: nothing to release", command.instanceId(),
                    projectId);
            return;
        }
        apply(new ServerQuotaReleased(projectId, share.userId(), command.instanceId(), share.vcpus(), share.ramMb(),
                share.groupId()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ClaimServerGroupQuota command, QuotaDefaults defaults) {
        if (serverGroupUsers.containsKey(command.groupId())) {
            return;
        }
        Scope project = projectScope(defaults);
        Scope user = userScope(command.userId(), defaults);
        if (project.exceededBy(QuotaResource.SERVER_GROUPS, 1) || user.exceededBy(QuotaResource.SERVER_GROUPS, 1)) {
            log.info("Refused a server group for project {} (user {}): it has {} of {} server groups",
                    command.projectId(), command.userId(), projectUsage.serverGroups(),
                    project.limit(QuotaResource.SERVER_GROUPS));
            throw OverQuota.serverGroups();
        }
        apply(new ServerGroupQuotaClaimed(command.projectId(), command.userId(), command.groupId()));
    }

    @CommandHandler
    void handle(ReleaseServerGroupQuota command) {
        String userId = serverGroupUsers.get(command.groupId());
        if (userId != null) {
            apply(new ServerGroupQuotaReleased(projectId, userId, command.groupId()));
        }
    }

    /**
     * A key pair counts against its user's {@code key_pairs} limit here (the user's own, else the
     * project's), as Nova checks it: only the user's count, never the project's, and before anything
     * else, so a user at the limit is refused even a name that turns out to be taken. A key pair
     * counted already is not counted twice.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ClaimKeyPairQuota command, QuotaDefaults defaults) {
        int limit = userScope(command.userId(), defaults).limit(QuotaResource.KEY_PAIRS);
        long owned = keyPairUsers.values().stream().filter(command.userId()::equals).count();
        if (limit >= 0 && owned + 1 > limit) {
            log.info("Refused a key pair for user {} in project {}: the user has {} of {} key pairs",
                    command.userId(), command.projectId(), owned, limit);
            throw OverQuota.keyPairs();
        }
        if (!keyPairUsers.containsKey(command.keyPairId())) {
            apply(new KeyPairQuotaClaimed(command.projectId(), command.userId(), command.keyPairId()));
        }
    }

    @CommandHandler
    void handle(ReleaseKeyPairQuota command) {
        String userId = keyPairUsers.get(command.keyPairId());
        if (userId != null) {
            apply(new KeyPairQuotaReleased(projectId, userId, command.keyPairId()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    QuotaReport handle(SetQuotaLimits command, QuotaDefaults defaults) {
        String userId = command.userId();
        Scope scope = userId == null ? projectScope(defaults) : userScope(userId, defaults);
        Scope project = projectScope(defaults);
        command.limits().forEach((resource, limit) -> {
            if (limit < -1) {
                throw new PolycellException(ErrorCode.BAD_REQUEST, "Quota limit " + limit + " for "
                        + resource.wireName() + " must be -1 (unlimited) or more.");
            }
        });
        if (!command.force()) {
            command.limits().forEach((resource, limit) -> {
                long used = scope.used().of(resource);
                if (limit != -1 && limit < used) {
                    throw new PolycellException(ErrorCode.BAD_REQUEST, "Quota limit " + limit + " for "
                            + resource.wireName() + " must be greater than or equal to already used and reserved "
                            + used + ".");
                }
                int maximum = userId == null ? -1 : userMaximum(project.limit(resource), resource, userId);
                if (userId != null && maximum != -1 && (limit == -1 || limit > maximum)) {
                    throw new PolycellException(ErrorCode.BAD_REQUEST, "Quota limit " + limit + " for "
                            + resource.wireName() + " must be less than or equal to " + maximum + ".");
                }
            });
        }
        apply(new QuotaLimitsSet(command.projectId(), userId, command.limits()));
        log.info("Quota of project {}{} set: {}", command.projectId(), userId == null ? "" : " for user " + userId,
                command.limits());
        return report(userId, defaults);
    }

    /**
     * The most a user's own limit may be, as Nova reckons it: what the project's limit leaves after the
     * limits set for its other users (-1 when the project's is unlimited). Users without a limit of
     * their own take nothing from it.
     */
    private int userMaximum(int projectLimit, QuotaResource resource, String userId) {
        if (projectLimit == -1) {
            return -1;
        }
        int others = 0;
        for (Map.Entry<String, Map<QuotaResource, Integer>> user : userLimits.entrySet()) {
            Integer limit = user.getKey().equals(userId) ? null : user.getValue().get(resource);
            others += limit == null || limit < 0 ? 0 : limit;
        }
        return Math.max(0, projectLimit - others);
    }

    /** Every reset is recorded, also one that finds nothing to revert: it is an admin's act. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ResetQuotaLimits command) {
        apply(new QuotaLimitsReset(command.projectId(), command.userId()));
        log.info("Quota of project {}{} reverted to the defaults", command.projectId(),
                command.userId() == null ? "" : " for user " + command.userId());
    }

    /** The limits in force and what is in use, for the project or for one user in it. */
    QuotaReport report(String userId, QuotaDefaults defaults) {
        Scope scope = userId == null ? projectScope(defaults) : userScope(userId, defaults);
        return new QuotaReport(projectId, userId, scope.limits(), scope.used().asMap());
    }

    /** Everything this quota counts, server by server. */
    ProjectUsage usage() {
        return Usage.describe(projectId, projectUsage, userUsage, servers.keySet(), serverGroupUsers.keySet())
                .withKeyPairs(keyPairUsers.keySet()).withServerGroupMembers(groupMembers);
    }

    private Scope projectScope(QuotaDefaults defaults) {
        return new Scope(projectLimits(defaults), projectUsage);
    }

    private Scope userScope(String userId, QuotaDefaults defaults) {
        Map<QuotaResource, Integer> limits = projectLimits(defaults);
        limits.putAll(userLimits.getOrDefault(userId, Map.of()));
        return new Scope(limits, userUsage.getOrDefault(userId, Usage.NONE));
    }

    private Map<QuotaResource, Integer> projectLimits(QuotaDefaults defaults) {
        Map<QuotaResource, Integer> limits = new EnumMap<>(defaults.limits());
        limits.putAll(projectLimits);
        return limits;
    }

    private void addUsage(String userId, Usage change) {
        projectUsage = projectUsage.plus(change);
        Usage user = userUsage.getOrDefault(userId, Usage.NONE).plus(change);
        if (user.equals(Usage.NONE)) {
            userUsage.remove(userId);
        } else {
            userUsage.put(userId, user);
        }
    }

    @EventSourcingHandler
    void on(ServerQuotaClaimed event) {
        projectId = event.projectId();
        for (String instanceId : event.instanceIds()) {
            servers.put(instanceId, new ServerShare(event.userId(), event.vcpus(), event.ramMb(), event.groupId()));
        }
        int count = event.instanceIds().size();
        addUsage(event.userId(), Usage.NONE.plusServers(count, event.vcpus(), event.ramMb()));
        if (event.groupId() != null) {
            groupMembers.computeIfAbsent(event.groupId(), group -> new HashMap<>())
                    .merge(event.userId(), count, Integer::sum);
        }
    }

    @EventSourcingHandler
    void on(ServerQuotaReleased event) {
        servers.remove(event.instanceId());
        addUsage(event.userId(), Usage.NONE.plusServers(-1, event.vcpus(), event.ramMb()));
        Map<String, Integer> members = event.groupId() == null ? null : groupMembers.get(event.groupId());
        if (members != null) {
            members.computeIfPresent(event.userId(), (user, count) -> count > 1 ? count - 1 : null);
            if (members.isEmpty()) {
                groupMembers.remove(event.groupId());
            }
        }
    }

    @EventSourcingHandler
    void on(ServerGroupQuotaClaimed event) {
        projectId = event.projectId();
        serverGroupUsers.put(event.groupId(), event.userId());
        addUsage(event.userId(), Usage.NONE.plusServerGroups(1));
    }

    @EventSourcingHandler
    void on(ServerGroupQuotaReleased event) {
        serverGroupUsers.remove(event.groupId());
        addUsage(event.userId(), Usage.NONE.plusServerGroups(-1));
    }

    @EventSourcingHandler
    void on(KeyPairQuotaClaimed event) {
        projectId = event.projectId();
        keyPairUsers.put(event.keyPairId(), event.userId());
    }

    @EventSourcingHandler
    void on(KeyPairQuotaReleased event) {
        keyPairUsers.remove(event.keyPairId());
    }

    @EventSourcingHandler
    void on(QuotaLimitsSet event) {
        projectId = event.projectId();
        if (event.userId() == null) {
            projectLimits.putAll(event.limits());
        } else {
            userLimits.computeIfAbsent(event.userId(), user -> new EnumMap<>(QuotaResource.class))
                    .putAll(event.limits());
        }
    }

    @EventSourcingHandler
    void on(QuotaLimitsReset event) {
        projectId = event.projectId();
        if (event.userId() == null) {
            projectLimits.clear();
            userLimits.clear();
        } else {
            userLimits.remove(event.userId());
        }
    }
}
