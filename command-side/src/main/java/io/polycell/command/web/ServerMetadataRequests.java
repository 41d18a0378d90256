package io.polycell.command.web;

import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Validates the bodies of the server metadata API with Nova's schemas and messages: {@code metadata}
 * (create, replace) or {@code meta} (one item), each an object of keys of 1 to 255 letters, digits,
 * blanks and {@code - _ : .} with string values of at most 255 characters.
 */
final class ServerMetadataRequests {

    private static final String KEY = "^[a-zA-Z0-9-_:. ]{1,255}$";
    private static final int MAX_VALUE = 255;

    private ServerMetadataRequests() {
    }

    /** The {@code metadata} of a create or a replace. */
    static Map<String, String> metadata(JsonNode body) {
        return items(body, "metadata", false);
    }

    /** The one item of {@code meta}, which must be the one the URI names. */
    static Map<String, String> item(JsonNode body, String key) {
        Map<String, String> item = items(body, "meta", true);
        if (!item.containsKey(key)) {
            throw new PolycellException(ErrorCode.BAD_REQUEST, "Request body and URI mismatch");
        }
        return item;
    }

    private static Map<String, String> items(JsonNode body, String field, boolean single) {
        if (body == null || !body.isObject()) {
            throw new PolycellException(ErrorCode.BAD_REQUEST, PythonRepr.of(body) + " is not of type 'object'");
        }
        JsonNode items = body.get(field);
        if (items == null) {
            throw new PolycellException(ErrorCode.BAD_REQUEST, "'" + field + "' is a required property");
        }
        Map<String, String> parsed = items(field, items, single);
        List<String> unknown = body.propertyNames().stream().filter(name -> !name.equals(field)).toList();
        if (!unknown.isEmpty()) {
            throw new PolycellException(ErrorCode.BAD_REQUEST, KeyPairRequestParser.unexpected(unknown));
        }
        return parsed;
    }

    /** Checked in the order of Nova's schema: the type, each item's value, unknown keys, the count. */
    private static Map<String, String> items(String field, JsonNode items, boolean single) {
        if (!items.isObject()) {
            throw NovaNames.invalid(field, items, PythonRepr.of(items) + " is not of type 'object'");
        }
        Map<String, String> parsed = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> item : items.properties()) {
            JsonNode value = item.getValue();
            if (!item.getKey().matches(KEY)) {
                continue;
            }
            if (!value.isString()) {
                throw NovaNames.invalid(item.getKey(), value, PythonRepr.of(value) + " is not of type 'string'");
            }
            if (value.asString().codePointCount(0, value.asString().length()) > MAX_VALUE) {
                throw NovaNames.invalid(item.getKey(), value, PythonRepr.of(value) + " is too long");
            }
            parsed.put(item.getKey(), value.asString());
        }
        List<String> unknown = items.propertyNames().stream().filter(key -> !key.matches(KEY)).toList();
        if (!unknown.isEmpty()) {
            throw NovaNames.invalid(field, items, KeyPairRequestParser.unexpected(unknown));
        }
        if (single && items.size() < 1) {
            throw NovaNames.invalid(field, items, PythonRepr.of(items) + " does not have enough properties");
        }
        if (single && items.size() > 1) {
            throw NovaNames.invalid(field, items, PythonRepr.of(items) + " has too many properties");
        }
        return parsed;
    }
}
