package io.polycell.command.web;

import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A body of the actions before microversion 2.53 ({@code PUT /os-services/disable} and the like), which
 * name the service by host and binary instead of by id.
 */
record LegacyServiceBody(String host, String binary, JsonNode body) {

    private static final int MAX_LENGTH = 255;
    private static final Set<String> FIELDS = Set.of("host", "binary", "disabled_reason", "forced_down");

    static LegacyServiceBody parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ServiceUpdateRequest.invalid("body", body, PythonRepr.of(body) + " is not of type 'object'");
        }
        for (String field : body.propertyNames()) {
            if (!FIELDS.contains(field)) {
                throw ServiceUpdateRequest.invalid("body", body,
                        "Additional properties are not allowed ('" + field + "' was unexpected)");
            }
        }
        return new LegacyServiceBody(required(body, "host"), required(body, "binary"), body);
    }

    /** {@code disable-log-reason} needs a reason Nova would store. */
    String requiredReason() {
        String reason = body.get("disabled_reason") == null || !body.get("disabled_reason").isString() ? null
                : body.get("disabled_reason").asString();
        if (reason == null || reason.isBlank() || reason.length() > MAX_LENGTH) {
            throw new PolycellException(ErrorCode.BAD_REQUEST, "The string containing the reason for disabling the "
                    + "service contains invalid characters or is too long.");
        }
        return reason;
    }

    /** {@code force-down} needs the flag. */
    boolean requiredForcedDown() {
        if (!body.has("forced_down")) {
            throw ServiceUpdateRequest.invalid("forced_down", null, "'forced_down' is a required property");
        }
        return ServiceUpdateRequest.flag(body.get("forced_down"));
    }

    private static String required(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null) {
            throw ServiceUpdateRequest.invalid(field, null, "'" + field + "' is a required property");
        }
        if (!value.isString() || value.asString().isEmpty() || value.asString().length() > MAX_LENGTH) {
            throw ServiceUpdateRequest.invalid(field, value, PythonRepr.of(value) + " is not a valid " + field);
        }
        return value.asString();
    }
}
