package io.polycell.query.web;

import io.polycell.messages.common.Fault;
import io.polycell.messages.common.Requester;
import io.polycell.messages.instance.VmState;
import io.polycell.query.server.ServerRow;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A server in Nova's v2.1 wire format, with the admin-only attributes for admins. */
final class ServerJson {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private ServerJson() {
    }

    static Map<String, Object> summary(ServerRow row, String base) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", row.id());
        json.put("name", row.name());
        json.put("links", Links.selfAndBookmark(base, "servers", row.id()));
        return json;
    }

    /** A server of a cell that does not answer, in a list (microversion 2.69): what is certain of it. */
    static Map<String, Object> minimalSummary(ServerRow row, String base) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", row.id());
        json.put("status", "UNKNOWN");
        json.put("links", Links.selfAndBookmark(base, "servers", row.id()));
        return json;
    }

    /** The same in a detailed list: also its project and creation time, which never change. */
    static Map<String, Object> minimalDetail(ServerRow row, String base) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("created", SECONDS.format(row.createdAt()));
        json.put("id", row.id());
        json.put("status", "UNKNOWN");
        json.put("tenant_id", row.projectId());
        json.put("links", Links.selfAndBookmark(base, "servers", row.id()));
        return json;
    }

    /** One server of a cell that does not answer (microversion 2.69): what does not change while it is down. */
    static Map<String, Object> minimalShow(ServerRow row, String base, UnaryOperator<String> zoneOfHost) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("OS-EXT-AZ:availability_zone", zone(row, zoneOfHost));
        json.put("OS-EXT-STS:power_state", row.powerState());
        json.put("created", SECONDS.format(row.createdAt()));
        json.put("flavor", reference(row.flavorId(), Links.bookmark(base, "flavors", row.flavorId())));
        json.put("id", row.id());
        json.put("image", reference(row.imageId(), Links.bookmark(base, "images", row.imageId())));
        json.put("status", "UNKNOWN");
        json.put("tenant_id", row.projectId());
        json.put("user_id", row.userId());
        json.put("links", Links.selfAndBookmark(base, "servers", row.id()));
        return json;
    }

    /**
     * @param zoneOfHost the availability zone each host is in now: a placed server is in its host's
     *                   zone, as Nova records at scheduling
     */
    static Map<String, Object> detail(ServerRow row, Requester requester, String base,
                                      UnaryOperator<String> zoneOfHost) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", row.id());
        json.put("name", row.name());
        json.put("status", VmState.statusOf(row.vmState(), row.taskState()));
        json.put("tenant_id", row.projectId());
        json.put("user_id", row.userId());
        json.put("metadata", row.metadata());
        json.put("hostId", row.host() == null ? "" : hostId(row.projectId(), row.host()));
        json.put("image", reference(row.imageId(), Links.bookmark(base, "images", row.imageId())));
        json.put("flavor", reference(row.flavorId(), Links.bookmark(base, "flavors", row.flavorId())));
        json.put("created", SECONDS.format(row.createdAt()));
        json.put("updated", SECONDS.format(row.updatedAt()));
        json.put("addresses", Map.of());
        json.put("accessIPv4", "");
        json.put("accessIPv6", "");
        json.put("links", Links.selfAndBookmark(base, "servers", row.id()));
        json.put("OS-DCF:diskConfig", "MANUAL");
        json.put("progress", 0);
        json.put("OS-EXT-AZ:availability_zone", zone(row, zoneOfHost));
        json.put("config_drive", "");
        json.put("key_name", null);
        json.put("OS-SRV-USG:launched_at", row.launchedAt() == null ? null : MICROS.format(row.launchedAt()));
        json.put("OS-SRV-USG:terminated_at", row.deletedAt() == null ? null : MICROS.format(row.deletedAt()));
        if (requester.admin()) {
            json.put("OS-EXT-SRV-ATTR:host", row.host());
            json.put("OS-EXT-SRV-ATTR:instance_name", row.fromBuildRequest() ? "" : instanceName(row.id()));
            json.put("OS-EXT-SRV-ATTR:hypervisor_hostname", row.host());
        }
        json.put("OS-EXT-STS:task_state", row.taskState());
        json.put("OS-EXT-STS:vm_state", row.vmState());
        json.put("OS-EXT-STS:power_state", row.powerState());
        json.put("os-extended-volumes:volumes_attached", List.of());
        if (row.fault() != null && VmState.ERROR.apiName().equals(row.vmState())) {
            json.put("fault", fault(row.fault(), requester));
        }
        return json;
    }

    private static Map<String, Object> reference(String id, Object links) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("links", links);
        return json;
    }

    private static Map<String, Object> fault(Fault fault, Requester requester) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", fault.code());
        json.put("created", SECONDS.format(fault.created()));
        json.put("message", fault.message());
        if (requester.admin() && fault.details() != null) {
            json.put("details", fault.details());
        }
        return json;
    }

    /** Nova's hostId: an opaque per-project hash of the host, so users see co-location, not host names. */
    static String hostId(String projectId, String host) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-224")
                    .digest((projectId + host).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-224 is part of every Java runtime", e);
        }
    }

    private static String instanceName(String id) {
        return "instance-" + id.replace("-", "").substring(0, 8);
    }


    /** A server not yet placed is in no zone yet (Nova shows the zone asked for, which is not kept). */
    private static String zone(ServerRow row, UnaryOperator<String> zoneOfHost) {
        return row.host() == null ? "" : zoneOfHost.apply(row.host());
    }
}
