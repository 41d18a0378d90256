package io.polycell.command.group;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import io.polycell.messages.common.Requester;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import io.polycell.messages.group.CreateServerGroup;
import io.polycell.messages.group.DeleteServerGroup;
import io.polycell.messages.group.ServerGroupCreated;
import io.polycell.messages.group.ServerGroupDeleted;
import io.polycell.messages.group.ServerGroupPolicy;
import java.util.Collections;
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
    }

    @EventSourcingHandler
    void on(ServerGroupDeleted event) {
        markDeleted();
    }
}
