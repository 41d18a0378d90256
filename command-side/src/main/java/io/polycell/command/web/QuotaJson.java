package io.polycell.command.web;

import io.polycell.command.quota.QuotaDrift;
import io.polycell.messages.common.ApiVersion;
import io.polycell.messages.quota.ProjectUsage;
import io.polycell.messages.quota.QuotaReport;
import io.polycell.messages.quota.QuotaResource;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Quota sets, limits and drift reports as Nova (and the drift check) show them. */
final class QuotaJson {

    /** The microversion that dropped the nova-network quotas. */
    static final int NETWORK_QUOTAS_GONE = 36;
    /** The microversion that dropped the injected file (personality) quotas. */
    static final int INJECTED_FILES_GONE = 57;
    private static final Set<QuotaResource> NETWORK = EnumSet.of(QuotaResource.FIXED_IPS, QuotaResource.FLOATING_IPS,
            QuotaResource.SECURITY_GROUPS, QuotaResource.SECURITY_GROUP_RULES);
    private static final Set<QuotaResource> INJECTED_FILES = EnumSet.of(QuotaResource.INJECTED_FILES,
            QuotaResource.INJECTED_FILE_CONTENT_BYTES, QuotaResource.INJECTED_FILE_PATH_BYTES);

    private QuotaJson() {
    }

    /** The resources a quota set shows at {@code version}, in Nova's order. */
    static List<QuotaResource> shown(ApiVersion version) {
        EnumSet<QuotaResource> shown = EnumSet.allOf(QuotaResource.class);
        if (version.atLeast(NETWORK_QUOTAS_GONE)) {
            shown.removeAll(NETWORK);
        }
        if (version.atLeast(INJECTED_FILES_GONE)) {
            shown.removeAll(INJECTED_FILES);
        }
        return List.copyOf(shown);
    }

    /** {@code {"id": ..., "cores": 20, ...}}; no {@code id} when {@code projectId} is null (PUT's answer). */
    static Map<String, Object> limits(String projectId, Map<QuotaResource, Integer> limits, ApiVersion version) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (projectId != null) {
            json.put("id", projectId);
        }
        for (QuotaResource resource : shown(version)) {
            json.put(resource.wireName(), limits.get(resource));
        }
        return json;
    }

    /** {@code {"id": ..., "cores": {"limit": 20, "in_use": 1, "reserved": 0}, ...}}. */
    static Map<String, Object> detail(QuotaReport report, ApiVersion version) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", report.projectId());
        for (QuotaResource resource : shown(version)) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("limit", report.limit(resource));
            entry.put("in_use", report.inUse(resource));
            entry.put("reserved", 0);
            json.put(resource.wireName(), entry);
        }
        return json;
    }

    /** Nova's absolute limits and usage, in its order. */
    static Map<String, Object> absoluteLimits(QuotaReport report, ApiVersion version) {
        boolean network = !version.atLeast(NETWORK_QUOTAS_GONE);
        boolean personality = !version.atLeast(INJECTED_FILES_GONE);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("maxTotalInstances", report.limit(QuotaResource.INSTANCES));
        json.put("maxTotalCores", report.limit(QuotaResource.CORES));
        json.put("maxTotalRAMSize", report.limit(QuotaResource.RAM));
        json.put("maxServerMeta", report.limit(QuotaResource.METADATA_ITEMS));
        json.put("maxImageMeta", report.limit(QuotaResource.METADATA_ITEMS));
        if (personality) {
            json.put("maxPersonality", report.limit(QuotaResource.INJECTED_FILES));
            json.put("maxPersonalitySize", report.limit(QuotaResource.INJECTED_FILE_CONTENT_BYTES));
        }
        json.put("maxTotalKeypairs", report.limit(QuotaResource.KEY_PAIRS));
        json.put("maxServerGroups", report.limit(QuotaResource.SERVER_GROUPS));
        json.put("maxServerGroupMembers", report.limit(QuotaResource.SERVER_GROUP_MEMBERS));
        if (network) {
            json.put("maxTotalFloatingIps", report.limit(QuotaResource.FLOATING_IPS));
            json.put("maxSecurityGroups", report.limit(QuotaResource.SECURITY_GROUPS));
            json.put("maxSecurityGroupRules", report.limit(QuotaResource.SECURITY_GROUP_RULES));
        }
        json.put("totalRAMUsed", report.inUse(QuotaResource.RAM));
        json.put("totalCoresUsed", report.inUse(QuotaResource.CORES));
        json.put("totalInstancesUsed", report.inUse(QuotaResource.INSTANCES));
        if (network) {
            json.put("totalFloatingIpsUsed", 0);
            json.put("totalSecurityGroupsUsed", 0);
        }
        json.put("totalServerGroupsUsed", report.inUse(QuotaResource.SERVER_GROUPS));
        return json;
    }

    /** A project's drift report: both counts side by side, and what only one side has. */
    static Map<String, Object> drift(QuotaDrift drift) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("project_id", drift.projectId());
        json.put("drifted", drift.drifted());
        json.put("in_use", usage(drift.live().inUse()));
        json.put("recomputed", usage(drift.recomputed().inUse()));
        json.put("in_use_by_user", byUser(drift.live()));
        json.put("recomputed_by_user", byUser(drift.recomputed()));
        json.put("servers_counted_but_gone", drift.serversCountedButGone());
        json.put("servers_not_counted", drift.serversNotCounted());
        json.put("server_groups_counted_but_gone", drift.serverGroupsCountedButGone());
        json.put("server_groups_not_counted", drift.serverGroupsNotCounted());
        json.put("key_pairs_counted", drift.live().keyPairs().size());
        json.put("key_pairs_recomputed", drift.recomputed().keyPairs().size());
        json.put("key_pairs_counted_but_gone", drift.keyPairsCountedButGone());
        json.put("key_pairs_not_counted", drift.keyPairsNotCounted());
        json.put("server_group_members", members(drift.live()));
        json.put("recomputed_server_group_members", members(drift.recomputed()));
        json.put("server_groups_with_members_drifted", drift.serverGroupMembersDrifted());
        return json;
    }

    /** {@code {"<group id>": {"<user id>": 2}}}, sorted. */
    private static Map<String, Object> members(ProjectUsage usage) {
        Map<String, Object> json = new TreeMap<>();
        usage.serverGroupMembers().forEach((group, byUser) -> json.put(group, new TreeMap<>(byUser)));
        return json;
    }

    private static Map<String, Object> byUser(ProjectUsage usage) {
        Map<String, Object> json = new TreeMap<>();
        usage.inUseByUser().forEach((user, inUse) -> json.put(user, usage(inUse)));
        return json;
    }

    private static Map<String, Object> usage(Map<QuotaResource, Long> inUse) {
        Map<String, Object> json = new TreeMap<>();
        inUse.forEach((resource, amount) -> json.put(resource.wireName(), amount));
        return json;
    }
}
