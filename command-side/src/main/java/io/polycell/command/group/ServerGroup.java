package io.polycell.command.group;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import io.polycell.messages.common.Requester;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import io.polycell.messages.group.CreateServerGroup;
import io.polycell.messages.group.DeleteServerGroup;
import io.polycell.messages.group.PlaceGroupMember;
import io.polycell.messages.group.RemoveGroupMember;
import io.polycell.messages.group.ServerGroupCreated;
import io.polycell.messages.group.ServerGroupDeleted;
import io.polycell.messages.group.ServerGroupMemberPlaced;
import io.polycell.messages.group.ServerGroupMemberRemoved;
import io.polycell.messages.group.ServerGroupPolicy;
import io.polycell.messages.instance.GroupHint;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A server group of one project: its placement policy and rules, checked here with Nova's messages
 * (2.64: one policy; rules only for anti-affinity). Another project's group does not exist for a
 * member, so deleting it is answered as if it were not there.
 */
public class ServerGroup {

    /** The one rule Nova knows: how many members anti-affinity still lets share a host. */
    static final String MAX_SERVER_PER_HOST = "max_server_per_host";

    @AggregateIdentifier
    private String groupId;
    private String projectId;
    private ServerGroupPolicy policy;
    private int maxServerPerHost = 1;
    private final Map<String, String> hostOfMember = new HashMap<>();

    private ServerGroup() {
    }

    @CommandHandler
    ServerGroup(CreateServerGroup command) {
        ServerGroupPolicy policy = ServerGroupPolicy.fromWireName(command.policy())
                .orElseThrow(() -> unknownPolicy(command.policy()));
        Map<String, Integer> rules = command.rules() == null ? Map.of() : command.rules();
        if (!rules.isEmpty() && policy != ServerGroupPolicy.ANTI_AFFINITY) {
            throw new PolycellException(ErrorCode.BAD_REQUEST, "Only anti-affinity policy supports rules.");
        }
        rules.forEach(ServerGroup::checkRule);
        apply(new ServerGroupCreated(command.groupId(), command.name(), policy,
                Collections.unmodifiableSortedMap(new TreeMap<>(rules)), command.projectId(), command.userId()));
    }

    @CommandHandler
    void handle(DeleteServerGroup command) {
        Requester requester = command.requester();
        if (!requester.admin() && !requester.projectId().equals(projectId)) {
            throw new PolycellException(ErrorCode.NOT_FOUND, "Instance group " + groupId + " could not be found.");
        }
        apply(new ServerGroupDeleted(groupId));
    }

    /**
     * Takes an instance on a host if the policy allows it: affinity keeps every member on the host of
     * the first, anti-affinity allows at most {@code max_server_per_host} members per host; the soft
     * policies are preferences the scheduler weighs and never refuse. Placing the same member on the
     * same host again changes nothing.
     */
    @CommandHandler
    void handle(PlaceGroupMember command) {
        String host = command.host();
        if (host.equals(hostOfMember.get(command.instanceId()))) {
            return;
        }
        if (policy == ServerGroupPolicy.AFFINITY && hostOfMember.values().stream().anyMatch(h -> !h.equals(host))) {
            throw new PolycellException(ErrorCode.GROUP_POLICY_VIOLATED, "Server group " + groupId
                    + " keeps its members on host " + hostOfMember.values().iterator().next() + ", not " + host);
        }
        if (policy == ServerGroupPolicy.ANTI_AFFINITY
                && hostOfMember.values().stream().filter(host::equals).count() >= maxServerPerHost) {
            throw new PolycellException(ErrorCode.GROUP_POLICY_VIOLATED, "Server group " + groupId + " already has "
                    + maxServerPerHost + " member(s) on host " + host);
        }
        apply(new ServerGroupMemberPlaced(groupId, command.instanceId(), host));
    }

    @CommandHandler
    void handle(RemoveGroupMember command) {
        String host = hostOfMember.get(command.instanceId());
        if (host != null) {
            apply(new ServerGroupMemberRemoved(groupId, command.instanceId(), host));
        }
    }

    /** What a boot into this group needs to know of it, for a requester who may use it. */
    public GroupHint hintFor(Requester requester) {
        if (!requester.admin() && !requester.projectId().equals(projectId)) {
            throw new PolycellException(ErrorCode.BAD_REQUEST, "Instance group " + groupId + " could not be found.");
        }
        return new GroupHint(groupId, policy, maxServerPerHost);
    }

    /** The project the group belongs to and counts against. */
    String projectId() {
        return projectId;
    }

    private static PolycellException unknownPolicy(String policy) {
        String shown = policy == null ? "None" : "'" + policy + "'";
        return new PolycellException(ErrorCode.BAD_REQUEST, "Invalid input for field/attribute policy. Value: "
                + policy + ". " + shown + " is not one of " + ServerGroupPolicy.wireNames().stream()
                .map(name -> "'" + name + "'").collect(Collectors.joining(", ", "[", "]")));
    }

    private static void checkRule(String rule, Integer value) {
        if (!MAX_SERVER_PER_HOST.equals(rule)) {
            throw new PolycellException(ErrorCode.BAD_REQUEST, "Invalid input for field/attribute rules. Value: {'"
                    + rule + "': " + value + "}. Additional properties are not allowed ('" + rule
                    + "' was unexpected)");
        }
        if (value == null || value < 1) {
            throw new PolycellException(ErrorCode.BAD_REQUEST, "Invalid input for field/attribute " + rule
                    + ". Value: " + value + ". " + value + " is less than the minimum of 1");
        }
    }

    @EventSourcingHandler
    void on(ServerGroupCreated event) {
        groupId = event.groupId();
        projectId = event.projectId();
        policy = event.policy();
        Integer max = event.rules() == null ? null : event.rules().get(MAX_SERVER_PER_HOST);
        maxServerPerHost = max == null ? 1 : max;
    }

    @EventSourcingHandler
    void on(ServerGroupMemberPlaced event) {
        hostOfMember.put(event.instanceId(), event.host());
    }

    @EventSourcingHandler
    void on(ServerGroupMemberRemoved event) {
        hostOfMember.remove(event.instanceId());
    }

    @EventSourcingHandler
    void on(ServerGroupDeleted event) {
        markDeleted();
    }
}
