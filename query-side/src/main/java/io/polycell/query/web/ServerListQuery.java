package io.polycell.query.web;

import io.polycell.messages.common.ApiVersion;
import io.polycell.messages.common.Requester;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import io.polycell.messages.listing.Deletion;
import io.polycell.messages.listing.ServerField;
import io.polycell.messages.listing.ServerQuery;
import io.polycell.messages.listing.SortKey;
import io.polycell.query.server.ServerListing;
import io.polycell.query.server.ServerStatuses;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.springframework.util.MultiValueMap;

/**
 * Nova's rules for the query string of {@code GET /servers} and {@code /servers/detail}, turned into a
 * {@link ServerQuery}: which filters a member may use (others are ignored, as Nova does), which need an
 * admin, how {@code changes-since} brings deleted servers in, and how sort keys and directions pair up.
 */
public final class ServerListQuery {

    /** Nova's sort keys, mapped to what Polycell holds; null for those it holds nothing for (all equal). */
    private static final Map<String, ServerField> SORT_KEYS = sortKeys();
    /** Keys Nova accepts and then ignores. */
    private static final Set<String> IGNORED_SORT_KEYS = Set.of("architecture", "cell_name", "cleaned",
            "default_ephemeral_device", "default_swap_device", "deleted", "deleted_at", "disable_terminate",
            "ephemeral_gb", "ephemeral_key_uuid", "id", "key_data", "launched_on", "locked", "memory_mb", "os_type",
            "reservation_id", "root_gb", "shutdown_terminate", "user_data", "vcpus", "vm_mode");
    private static final Set<String> ADMIN_SORT_KEYS = Set.of("host", "node");

    private ServerListQuery() {
    }

    public static ServerQuery parse(Requester requester, ApiVersion version, MultiValueMap<String, String> params) {
        boolean admin = requester.admin();
        boolean allTenants = params.containsKey("all_tenants") && isTrue(params.getFirst("all_tenants"));
        if (allTenants && !admin) {
            throw new PolycellException(ErrorCode.FORBIDDEN,
                    "Policy doesn't allow os_compute_api:servers:index:get_all_tenants to be performed.");
        }
        String projectId = requester.projectId();
        if (allTenants) {
            projectId = first(params, "project_id", first(params, "tenant_id", null));
        }
        String userId = admin || version.atLeast(83) ? params.getFirst("user_id") : null;
        String name = regex(params, "name");
        Set<String> statuses = statuses(params, version);
        Deletion deletion = deletion(params, admin, statuses);
        String host = admin ? first(params, "host", params.getFirst("node")) : null;
        String address = regex(params, "ip");
        String address6 = regex(params, "ip6");
        return new ServerQuery(projectId, userId, name, statuses, params.getFirst("flavor"),
                imageId(params.getFirst("image")), host, address != null ? address : address6,
                changesSince(params), deletion, order(params, admin), params.getFirst("marker"), limit(params));
    }

    private static Set<String> statuses(MultiValueMap<String, String> params, ApiVersion version) {
        List<String> asked = params.getOrDefault("status", List.of());
        Set<String> statuses = new LinkedHashSet<>();
        for (String status : asked) {
            String upper = status.toUpperCase(Locale.ROOT);
            if (!ServerStatuses.KNOWN.contains(upper) && version.atLeast(38)) {
                throw new PolycellException(ErrorCode.BAD_REQUEST, "Invalid status value");
            }
            statuses.add(upper);
        }
        return statuses;
    }

    /**
     * Live servers by default; {@code deleted} (admins) chooses; {@code changes-since} without it takes
     * both; {@code status=DELETED} means deleted ones, which only admins may list.
     */
    private static Deletion deletion(MultiValueMap<String, String> params, boolean admin, Set<String> statuses) {
        if (statuses.equals(Set.of("DELETED"))) {
            if (!admin) {
                throw new PolycellException(ErrorCode.FORBIDDEN, "Only administrators may list deleted instances");
            }
            return Deletion.DELETED;
        }
        if (admin && params.containsKey("deleted")) {
            return isTrue(params.getFirst("deleted")) ? Deletion.DELETED : Deletion.LIVE;
        }
        return params.containsKey("changes-since") ? Deletion.ANY : Deletion.LIVE;
    }

    private static Instant changesSince(MultiValueMap<String, String> params) {
        String value = params.getFirst("changes-since");
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw invalid("changes-since", value, "'" + value + "' is not a 'date-time'");
            }
        }
    }

    /** Nova takes an image's id or its URL, whose last segment is the id. */
    private static String imageId(String image) {
        if (image == null) {
            return null;
        }
        int slash = image.lastIndexOf('/');
        return slash < 0 ? image : image.substring(slash + 1);
    }

    private static String regex(MultiValueMap<String, String> params, String name) {
        String value = params.getFirst(name);
        if (value == null) {
            return null;
        }
        try {
            Pattern.compile(value);
            return value;
        } catch (PatternSyntaxException e) {
            throw invalid(name, value, "'" + value + "' is not a 'regex'");
        }
    }

    /**
     * Nova's pairing of sort keys and directions: ignored keys dropped with their direction, missing
     * directions taken from the first one (desc when none), more directions than keys refused, then
     * created_at and the id appended in the first direction. Keys Polycell holds no value for order
     * nothing and are left out.
     */
    static List<SortKey> order(MultiValueMap<String, String> params, boolean admin) {
        List<String> keys = params.getOrDefault("sort_key", List.of());
        List<String> dirs = params.getOrDefault("sort_dir", List.of());
        List<String> keptKeys = new ArrayList<>();
        List<String> keptDirs = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            if (!SORT_KEYS.containsKey(key) && !IGNORED_SORT_KEYS.contains(key)) {
                throw invalid("sort_key", key, "'" + key + "' is not one of " + validSortKeys());
            }
            if (ADMIN_SORT_KEYS.contains(key) && !admin) {
                throw new PolycellException(ErrorCode.FORBIDDEN, "Only administrators can sort servers by " + key);
            }
            if (!IGNORED_SORT_KEYS.contains(key)) {
                keptKeys.add(key);
                if (i < dirs.size()) {
                    keptDirs.add(dirs.get(i));
                }
            }
        }
        for (String dir : dirs) {
            if (!dir.equals("asc") && !dir.equals("desc")) {
                throw invalid("sort_dir", dir, "'" + dir + "' is not one of ['asc', 'desc']");
            }
        }
        if (dirs.size() > keys.size()) {
            throw new PolycellException(ErrorCode.BAD_REQUEST,
                    "Invalid input received: Sort direction size exceeds sort key size");
        }
        boolean firstDescending = keptDirs.isEmpty() || keptDirs.get(0).equals("desc");
        List<SortKey> order = new ArrayList<>();
        Set<ServerField> used = EnumSet.noneOf(ServerField.class);
        for (int i = 0; i < keptKeys.size() && !used.contains(ServerField.ID); i++) {
            ServerField field = SORT_KEYS.get(keptKeys.get(i));
            boolean descending = i < keptDirs.size() ? keptDirs.get(i).equals("desc") : firstDescending;
            if (field != null && used.add(field)) {
                order.add(new SortKey(field, descending));
            }
        }
        for (ServerField tail : List.of(ServerField.CREATED_AT, ServerField.ID)) {
            if (!used.contains(ServerField.ID) && used.add(tail)) {
                order.add(new SortKey(tail, firstDescending));
            }
        }
        return order;
    }

    private static int limit(MultiValueMap<String, String> params) {
        String value = params.getFirst("limit");
        if (value == null) {
            return ServerListing.MAX_LIMIT;
        }
        int limit;
        try {
            limit = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new PolycellException(ErrorCode.BAD_REQUEST, "limit param must be an integer");
        }
        if (limit < 0) {
            throw new PolycellException(ErrorCode.BAD_REQUEST, "limit param must be positive");
        }
        return Math.min(limit, ServerListing.MAX_LIMIT);
    }

    static boolean isTrue(String value) {
        return value != null && (value.isEmpty() || value.equals("1") || value.equalsIgnoreCase("true")
                || value.equalsIgnoreCase("yes") || value.equalsIgnoreCase("on") || value.equalsIgnoreCase("y")
                || value.equalsIgnoreCase("t"));
    }

    private static String first(MultiValueMap<String, String> params, String name, String otherwise) {
        String value = params.getFirst(name);
        return value != null ? value : otherwise;
    }

    private static PolycellException invalid(String parameter, String value, String reason) {
        return new PolycellException(ErrorCode.BAD_REQUEST,
                "Invalid input for query parameters " + parameter + ". Value: " + value + ". " + reason);
    }

    private static String validSortKeys() {
        List<String> all = new ArrayList<>(SORT_KEYS.keySet());
        all.addAll(IGNORED_SORT_KEYS);
        return all.stream().sorted().map(key -> "'" + key + "'").toList().toString();
    }

    private static Map<String, ServerField> sortKeys() {
        Map<String, ServerField> keys = new LinkedHashMap<>();
        keys.put("created_at", ServerField.CREATED_AT);
        keys.put("updated_at", ServerField.UPDATED_AT);
        keys.put("launched_at", ServerField.LAUNCHED_AT);
        keys.put("terminated_at", ServerField.DELETED_AT);
        keys.put("display_name", ServerField.NAME);
        keys.put("uuid", ServerField.ID);
        keys.put("host", ServerField.HOST);
        keys.put("node", ServerField.HOST);
        keys.put("image_ref", ServerField.IMAGE_ID);
        keys.put("instance_type_id", ServerField.FLAVOR_ID);
        keys.put("power_state", ServerField.POWER_STATE);
        keys.put("task_state", ServerField.TASK_STATE);
        keys.put("vm_state", ServerField.VM_STATE);
        keys.put("project_id", ServerField.PROJECT_ID);
        keys.put("user_id", ServerField.USER_ID);
        for (String unheld : List.of("access_ip_v4", "access_ip_v6", "auto_disk_config", "availability_zone",
                "config_drive", "display_description", "hostname", "kernel_id", "key_name", "launch_index",
                "locked_by", "progress", "ramdisk_id", "root_device_name")) {
            keys.put(unheld, null);
        }
        return keys;
    }
}
