package io.polycell.command.web;

import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import io.polycell.messages.instance.NetworkSpec;
import io.polycell.messages.instance.PlacementHints;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Validates a {@code POST /servers} body with the rules and messages of Nova's JSON schema, so a bad
 * request is a 400 that says which field is wrong, never a 500.
 */
final class ServerRequestParser {

    private static final Set<String> KNOWN = Set.of("name", "flavorRef", "imageRef", "min_count", "max_count",
            "metadata", "networks", "security_groups", "key_name", "availability_zone", "user_data",
            "config_drive", "adminPass", "accessIPv4", "accessIPv6", "OS-DCF:diskConfig", "description", "tags",
            "return_reservation_id", "hostname", "block_device_mapping_v2");
    private static final int MAX_NAME = 255;
    private static final int MAX_COUNT = 1000;
    private static final String UUID = "^[0-9a-fA-F-]{36}$";

    private ServerRequestParser() {
    }

    static ServerCreateRequest parse(JsonNode body) {
        if (body == null || !body.isObject() || !body.has("server")) {
            throw invalid("server", body == null ? null : body.get("server"), "'server' is a required property");
        }
        JsonNode server = body.get("server");
        if (!server.isObject()) {
            throw invalid("server", server, PythonRepr.of(server) + " is not of type 'object'");
        }
        for (String field : server.propertyNames()) {
            if (!KNOWN.contains(field)) {
                throw new PolycellException(ErrorCode.BAD_REQUEST, "Invalid input for field/attribute server. Value: "
                        + PythonRepr.of(server) + ". Additional properties are not allowed ('" + field
                        + "' was unexpected)");
            }
        }
        for (String required : new String[] {"name", "flavorRef"}) {
            if (!server.has(required)) {
                throw invalid("server", server, "'" + required + "' is a required property");
            }
        }
        if (!server.has("imageRef")) {
            throw new PolycellException(ErrorCode.BAD_REQUEST, "Block Device Mapping is Invalid: Boot sequence for the "
                    + "instance and image/block device mapping combination is not valid.");
        }
        String name = name(server.get("name"));
        String flavorRef = reference("flavorRef", server.get("flavorRef"));
        String imageRef = reference("imageRef", server.get("imageRef"));
        int minCount = count("min_count", server.get("min_count"));
        int maxCount = server.has("max_count") ? count("max_count", server.get("max_count")) : minCount;
        if (minCount > maxCount) {
            throw new PolycellException(ErrorCode.BAD_REQUEST, "min_count must be <= max_count");
        }
        String keyName = server.has("key_name") ? NovaNames.name("key_name", server.get("key_name")) : null;
        return new ServerCreateRequest(name, flavorRef, imageRef, minCount, maxCount, metadata(server.get("metadata")),
                networks(server.get("networks")), userData(server.get("user_data")),
                availabilityZone(server.get("availability_zone")), group(body), hostHints(body), keyName);
    }

    private static String name(JsonNode name) {
        if (!name.isString()) {
            throw invalid("name", name, PythonRepr.of(name) + " is not of type 'string'");
        }
        String value = name.asString();
        if (value.isBlank()) {
            throw invalid("name", name, PythonRepr.of(name) + " does not match '^(?! )[a-zA-Z0-9. _-]+(?<! )$'");
        }
        if (value.length() > MAX_NAME) {
            throw invalid("name", name, PythonRepr.of(name) + " is too long");
        }
        return value;
    }

    private static String reference(String field, JsonNode ref) {
        if (ref.isString() && !ref.asString().isBlank()) {
            return ref.asString();
        }
        if (ref.isIntegralNumber()) {
            return ref.asString();
        }
        throw invalid(field, ref, PythonRepr.of(ref) + " is not of type 'string', 'integer'");
    }

    private static int count(String field, JsonNode count) {
        if (count == null) {
            return 1;
        }
        long value;
        if (count.isIntegralNumber()) {
            value = count.asLong();
        } else if (count.isString() && count.asString().matches("^[0-9]{1,9}$")) {
            value = Long.parseLong(count.asString());
        } else {
            throw invalid(field, count, PythonRepr.of(count) + " is not of type 'integer', 'string'");
        }
        if (value < 1) {
            throw invalid(field, count, value + " is less than the minimum of 1");
        }
        if (value > MAX_COUNT) {
            throw invalid(field, count, value + " is greater than the maximum of " + MAX_COUNT);
        }
        return (int) value;
    }

    private static Map<String, String> metadata(JsonNode metadata) {
        Map<String, String> result = new LinkedHashMap<>();
        if (metadata == null) {
            return result;
        }
        if (!metadata.isObject()) {
            throw invalid("metadata", metadata, PythonRepr.of(metadata) + " is not of type 'object'");
        }
        for (Map.Entry<String, JsonNode> entry : metadata.properties()) {
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            if (key.isEmpty() || key.length() > MAX_NAME) {
                throw invalid("metadata", metadata, "'" + key + "' does not match any of the regexes: '^[a-zA-Z0-9-_:. ]{1,255}$'");
            }
            if (!value.isString() || value.asString().length() > MAX_NAME) {
                throw invalid("metadata", metadata, PythonRepr.of(value) + " is not of type 'string'");
            }
            result.put(key, value.asString());
        }
        return result;
    }

    private static NetworkSpec networks(JsonNode networks) {
        if (networks == null || networks.isNull()) {
            return NetworkSpec.AUTO;
        }
        if (networks.isString() && networks.asString().equals("auto")) {
            return NetworkSpec.AUTO;
        }
        if (networks.isString() && networks.asString().equals("none")) {
            return NetworkSpec.NONE;
        }
        if (!networks.isArray()) {
            throw invalid("networks", networks,
                    PythonRepr.of(networks) + " is not valid under any of the given schemas");
        }
        List<NetworkSpec.NetworkRequest> requested = new ArrayList<>();
        for (JsonNode network : networks) {
            String uuid = text(network, "uuid");
            String port = text(network, "port");
            if (!network.isObject() || (uuid == null && port == null)) {
                throw invalid("networks", networks, PythonRepr.of(network) + " is not valid under any of the given "
                        + "schemas");
            }
            requested.add(new NetworkSpec.NetworkRequest(uuid, port, text(network, "fixed_ip")));
        }
        return new NetworkSpec("requested", requested);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    /** Nova's {@code os:scheduler_hints} beside {@code server} (or its old name), or null. */
    private static JsonNode schedulerHints(JsonNode body) {
        JsonNode hints = body.has("os:scheduler_hints") ? body.get("os:scheduler_hints")
                : body.get("OS-SCH-HNT:scheduler_hints");
        if (hints == null || hints.isNull()) {
            return null;
        }
        if (!hints.isObject()) {
            throw invalid("os:scheduler_hints", hints, PythonRepr.of(hints) + " is not of type 'object'");
        }
        return hints;
    }

    /** The {@code same_host} and {@code different_host} hints: one instance UUID or a list of them. */
    private static PlacementHints hostHints(JsonNode body) {
        JsonNode hints = schedulerHints(body);
        if (hints == null) {
            return PlacementHints.NONE;
        }
        return new PlacementHints(instances("same_host", hints.get("same_host")),
                instances("different_host", hints.get("different_host")));
    }

    private static Set<String> instances(String field, JsonNode value) {
        if (value == null || value.isNull()) {
            return Set.of();
        }
        List<JsonNode> items = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(items::add);
        } else {
            items.add(value);
        }
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode item : items) {
            if (!item.isString() || !item.asString().matches(UUID)) {
                throw invalid(field, value, PythonRepr.of(value) + " is not valid under any of the given schemas");
            }
            ids.add(item.asString().toLowerCase(Locale.ROOT));
        }
        return ids;
    }

    /** The {@code group} scheduler hint. */
    private static String group(JsonNode body) {
        JsonNode hints = schedulerHints(body);
        if (hints == null) {
            return null;
        }
        JsonNode group = hints.get("group");
        if (group == null || group.isNull()) {
            return null;
        }
        if (!group.isString() || !group.asString().matches(UUID)) {
            throw invalid("group", group, PythonRepr.of(group) + " is not a 'uuid'");
        }
        return group.asString();
    }

    private static String availabilityZone(JsonNode zone) {
        if (zone == null || zone.isNull()) {
            return null;
        }
        if (!zone.isString() || zone.asString().isBlank() || zone.asString().length() > MAX_NAME) {
            throw invalid("availability_zone", zone, PythonRepr.of(zone) + " is not a valid availability zone");
        }
        return zone.asString();
    }

    private static String userData(JsonNode userData) {
        if (userData == null || userData.isNull()) {
            return null;
        }
        if (!userData.isString()) {
            throw invalid("user_data", userData, PythonRepr.of(userData) + " is not of type 'string'");
        }
        try {
            Base64.getDecoder().decode(userData.asString());
        } catch (IllegalArgumentException notBase64) {
            throw new PolycellException(ErrorCode.BAD_REQUEST, "User data needs to be valid base 64.");
        }
        return userData.asString();
    }

    private static PolycellException invalid(String field, JsonNode value, String reason) {
        return new PolycellException(ErrorCode.BAD_REQUEST,
                "Invalid input for field/attribute " + field + ". Value: " + PythonRepr.of(value) + ". " + reason);
    }
}
