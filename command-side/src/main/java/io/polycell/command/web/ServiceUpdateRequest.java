package io.polycell.command.web;

import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A microversion 2.53 {@code PUT /os-services/{id}} body, validated with Nova's schema and rules.
 *
 * @param disable true to disable, false to enable, null to leave the status alone
 * @param reason why it is disabled; only with {@code disable} true
 * @param forcedDown the forced-down flag to set, or null to leave it alone
 */
record ServiceUpdateRequest(Boolean disable, String reason, Boolean forcedDown) {

    private static final int MAX_REASON = 255;
    private static final Set<String> FIELDS = Set.of("status", "disabled_reason", "forced_down");

    static ServiceUpdateRequest parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw invalid("body", body, PythonRepr.of(body) + " is not of type 'object'");
        }
        for (String field : body.propertyNames()) {
            if (!FIELDS.contains(field)) {
                throw invalid("body", body, "Additional properties are not allowed ('" + field + "' was unexpected)");
            }
        }
        Boolean disable = status(body.get("status"));
        String reason = reason(body.get("disabled_reason"));
        Boolean forcedDown = flag(body.get("forced_down"));
        if (disable == null && forcedDown == null) {
            throw new PolycellException(ErrorCode.BAD_REQUEST,
                    "No updates were requested. Fields 'status' or 'forced_down' should be specified.");
        }
        if (reason != null && !Boolean.TRUE.equals(disable)) {
            throw new PolycellException(ErrorCode.BAD_REQUEST,
                    "Specifying 'disabled_reason' with status other than 'disabled' is invalid.");
        }
        return new ServiceUpdateRequest(disable, reason, forcedDown);
    }

    private static Boolean status(JsonNode status) {
        if (status == null) {
            return null;
        }
        if (status.isString() && (status.asString().equals("enabled") || status.asString().equals("disabled"))) {
            return status.asString().equals("disabled");
        }
        throw invalid("status", status, PythonRepr.of(status) + " is not one of ['enabled', 'disabled']");
    }

    /** A disabled reason: absent, or a string of 1 to 255 characters. */
    private static String reason(JsonNode reason) {
        if (reason == null) {
            return null;
        }
        if (!reason.isString() || reason.asString().isEmpty() || reason.asString().length() > MAX_REASON) {
            throw invalid("disabled_reason", reason,
                    PythonRepr.of(reason) + " is not a string of 1 to " + MAX_REASON + " characters");
        }
        return reason.asString();
    }

    static Boolean flag(JsonNode forcedDown) {
        if (forcedDown == null) {
            return null;
        }
        if (!forcedDown.isBoolean()) {
            throw invalid("forced_down", forcedDown, PythonRepr.of(forcedDown) + " is not of type 'boolean'");
        }
        return forcedDown.asBoolean();
    }

    static PolycellException invalid(String field, JsonNode value, String why) {
        return new PolycellException(ErrorCode.BAD_REQUEST, "Invalid input for field/attribute " + field + ". Value: "
                + PythonRepr.of(value) + ". " + why);
    }
}
