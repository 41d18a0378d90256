package io.polycell.command.web;

import io.polycell.command.routing.CommandRouter;
import io.polycell.command.routing.Outcomes;
import io.polycell.messages.common.ApiVersion;
import io.polycell.messages.common.Requester;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import io.polycell.messages.group.AdmitServerGroup;
import io.polycell.messages.group.CreateServerGroup;
import io.polycell.messages.group.DeleteServerGroup;
import io.polycell.messages.group.RetireServerGroup;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Creating and deleting server groups ({@code os-server-groups}): HTTP in, commands out. From 2.64 a
 * group has one {@code policy} and {@code rules}; before, a one-element {@code policies} list.
 */
@RestController
@RequestMapping("/v2.1/os-server-groups")
class ServerGroupsCommandController {

    /** The microversion that replaced {@code policies} by {@code policy} and {@code rules}. */
    static final int POLICY_AND_RULES = 64;
    /** The microversion from which a group shows its project and user. */
    static final int OWNER_SHOWN = 13;

    private final CommandRouter router;

    ServerGroupsCommandController(CommandRouter router) {
        this.router = router;
    }

    @PostMapping
    Map<String, Object> create(@RequestBody(required = false) JsonNode body, Requester requester,
                               ApiVersion version) {
        if (body == null || !body.isObject() || !body.path("server_group").isObject()) {
            throw new PolycellException(ErrorCode.BAD_REQUEST, "'server_group' is a required property");
        }
        JsonNode group = body.get("server_group");
        String name = name(group);
        String policy;
        Map<String, Integer> rules;
        if (version.atLeast(POLICY_AND_RULES)) {
            JsonNode named = required(group, "policy");
            policy = named.isString() ? named.asString() : null;
            rules = rules(group.get("rules"));
        } else {
            JsonNode policies = required(group, "policies");
            if (!policies.isArray() || policies.size() != 1) {
                throw invalid("policies", policies, PythonRepr.of(policies) + " is not valid: exactly one policy");
            }
            policy = policies.get(0).isString() ? policies.get(0).asString() : null;
            rules = Map.of();
        }
        String groupId = UUID.randomUUID().toString();
        Outcomes.await(router.toApi(new AdmitServerGroup(new CreateServerGroup(groupId, name, policy, rules,
                requester.projectId(), requester.userId()))));
        return Map.of("server_group", render(groupId, name, policy, rules, requester, version));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id, Requester requester) {
        try {
            Outcomes.await(router.toApi(new RetireServerGroup(new DeleteServerGroup(id, requester))));
        } catch (AggregateNotFoundException unknown) {
            throw new PolycellException(ErrorCode.NOT_FOUND, "Instance group " + id + " could not be found.");
        }
        return ResponseEntity.noContent().build();
    }

    private static String name(JsonNode group) {
        JsonNode name = required(group, "name");
        if (!name.isString() || name.asString().isBlank() || name.asString().length() > 255
                || !name.asString().equals(name.asString().strip())) {
            throw invalid("name", name, PythonRepr.of(name) + " is not a valid server group name");
        }
        return name.asString();
    }

    /** Nova accepts {@code max_server_per_host} as an integer or a string of digits. */
    private static Map<String, Integer> rules(JsonNode rules) {
        if (rules == null || rules.isNull()) {
            return Map.of();
        }
        if (!rules.isObject()) {
            throw invalid("rules", rules, PythonRepr.of(rules) + " is not of type 'object'");
        }
        Map<String, Integer> parsed = new TreeMap<>();
        for (Map.Entry<String, JsonNode> rule : rules.properties()) {
            JsonNode value = rule.getValue();
            if (value.isIntegralNumber()) {
                parsed.put(rule.getKey(), value.asInt());
            } else if (value.isString() && value.asString().matches("^[0-9]{1,9}$")) {
                parsed.put(rule.getKey(), Integer.parseInt(value.asString()));
            } else {
                throw invalid(rule.getKey(), value, PythonRepr.of(value) + " is not of type 'integer', 'string'");
            }
        }
        return parsed;
    }

    private static JsonNode required(JsonNode group, String field) {
        if (!group.has(field)) {
            throw invalid("server_group", group, "'" + field + "' is a required property");
        }
        return group.get(field);
    }

    private static PolycellException invalid(String field, JsonNode value, String problem) {
        return new PolycellException(ErrorCode.BAD_REQUEST, "Invalid input for field/attribute " + field
                + ". Value: " + PythonRepr.of(value) + ". " + problem);
    }

    /** A new group as Nova answers its creation: no members yet. */
    private static Map<String, Object> render(String groupId, String name, String policy, Map<String, Integer> rules,
                                              Requester owner, ApiVersion version) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", groupId);
        json.put("name", name);
        if (version.atLeast(POLICY_AND_RULES)) {
            json.put("policy", policy);
            json.put("rules", rules);
        } else {
            json.put("policies", List.of(policy));
            json.put("metadata", Map.of());
        }
        json.put("members", List.of());
        if (version.atLeast(OWNER_SHOWN)) {
            json.put("project_id", owner.projectId());
            json.put("user_id", owner.userId());
        }
        return json;
    }
}
