package io.polycell.query.web;

import io.polycell.messages.common.ApiVersion;
import io.polycell.messages.common.Requester;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import io.polycell.query.group.ServerGroupRow;
import io.polycell.query.group.ServerGroupViewProjection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reading server groups. A member sees its project's groups only; another project's group is not
 * found. Members are always empty: boots do not join groups yet.
 */
@RestController
@RequestMapping("/v2.1/os-server-groups")
class ServerGroupsQueryController {

    /** The microversion that replaced {@code policies} by {@code policy} and {@code rules}. */
    private static final int POLICY_AND_RULES = 64;
    /** The microversion from which a group shows its project and user. */
    private static final int OWNER_SHOWN = 13;
    /** Nova's {@code max_limit}. */
    private static final int MAX_LIMIT = 1000;

    private final ServerGroupViewProjection groups;

    ServerGroupsQueryController(ServerGroupViewProjection groups) {
        this.groups = groups;
    }

    @GetMapping
    Map<String, Object> list(@RequestParam Map<String, String> query, Requester requester, ApiVersion version) {
        List<ServerGroupRow> visible = requester.admin() && query.containsKey("all_projects") ? groups.all()
                : groups.ofProject(requester.projectId());
        int offset = QueryParameters.count("offset", query.get("offset"), 0);
        int limit = Math.min(QueryParameters.count("limit", query.get("limit"), MAX_LIMIT), MAX_LIMIT);
        return Map.of("server_groups", visible.stream().skip(offset).limit(limit)
                .map(group -> render(group, version)).toList());
    }

    @GetMapping("/{id}")
    Map<String, Object> show(@PathVariable String id, Requester requester, ApiVersion version) {
        ServerGroupRow group = groups.find(id)
                .filter(found -> requester.admin() || found.projectId().equals(requester.projectId()))
                .orElseThrow(() -> new PolycellException(ErrorCode.NOT_FOUND,
                        "Instance group " + id + " could not be found."));
        return Map.of("server_group", render(group, version));
    }

    private Map<String, Object> render(ServerGroupRow group, ApiVersion version) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", group.groupId());
        json.put("name", group.name());
        if (version.atLeast(POLICY_AND_RULES)) {
            json.put("policy", group.policy().wireName());
            json.put("rules", group.rules());
        } else {
            json.put("policies", List.of(group.policy().wireName()));
            json.put("metadata", Map.of());
        }
        json.put("members", groups.members(group.groupId()));
        if (version.atLeast(OWNER_SHOWN)) {
            json.put("project_id", group.projectId());
            json.put("user_id", group.userId());
        }
        return json;
    }
}
