package io.polycell.command.web;

import io.polycell.messages.common.ApiVersion;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import io.polycell.messages.keypair.KeyPairType;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Validates a {@code POST /os-keypairs} body with Nova's schema of the microversion asked for, and its
 * messages: {@code type} from 2.2, {@code user_id} from 2.10, and from 2.92 a required
 * {@code public_key} (Nova generates no key pairs any more) and names that may hold {@code @} and
 * {@code .}.
 */
final class KeyPairRequestParser {

    /** The microversion that added {@code type}. */
    static final int TYPED = 2;
    /** The microversion that added {@code user_id}. */
    static final int OTHER_USERS = 10;
    /** The microversion from which Nova only imports key pairs. */
    static final int IMPORT_ONLY = 92;

    private KeyPairRequestParser() {
    }

    static KeyPairCreateRequest parse(JsonNode body, ApiVersion version) {
        JsonNode keypair = keypair(body, version);
        return new KeyPairCreateRequest(keypair.get("name").asString(), text(keypair, "public_key"),
                type(keypair.get("type")), text(keypair, "user_id"));
    }

    /**
     * The {@code keypair} object, checked in the order Nova's schema validator goes: the object's type,
     * each field it holds, the required fields, the fields {@code version} does not know; then the
     * same for the body around it.
     */
    private static JsonNode keypair(JsonNode body, ApiVersion version) {
        if (body == null || !body.isObject()) {
            throw new PolycellException(ErrorCode.BAD_REQUEST, PythonRepr.of(body) + " is not of type 'object'");
        }
        JsonNode keypair = body.get("keypair");
        if (keypair == null) {
            throw new PolycellException(ErrorCode.BAD_REQUEST, "'keypair' is a required property");
        }
        checkKeypair(keypair, version);
        List<String> unknown = body.propertyNames().stream().filter(field -> !field.equals("keypair")).toList();
        if (!unknown.isEmpty()) {
            throw new PolycellException(ErrorCode.BAD_REQUEST, unexpected(unknown));
        }
        return keypair;
    }

    private static void checkKeypair(JsonNode keypair, ApiVersion version) {
        if (!keypair.isObject()) {
            throw NovaNames.invalid("keypair", keypair, PythonRepr.of(keypair) + " is not of type 'object'");
        }
        if (keypair.has("name")) {
            NovaNames.keyPairName(keypair.get("name"), version);
        }
        for (String field : List.of("type", "public_key", "user_id")) {
            JsonNode value = keypair.get(field);
            if (value == null || !known(field, version)) {
                continue;
            }
            if (!value.isString()) {
                throw NovaNames.invalid(field, value, PythonRepr.of(value) + " is not of type 'string'");
            }
            if (field.equals("type") && KeyPairType.fromWireName(value.asString()).isEmpty()) {
                throw NovaNames.invalid(field, value, PythonRepr.of(value) + " is not one of ['ssh', 'x509']");
            }
        }
        List<String> required = version.atLeast(IMPORT_ONLY) ? List.of("name", "public_key") : List.of("name");
        for (String field : required) {
            if (!keypair.has(field)) {
                throw NovaNames.invalid("keypair", keypair, "'" + field + "' is a required property");
            }
        }
        List<String> unknown = keypair.propertyNames().stream().filter(field -> !known(field, version)).toList();
        if (!unknown.isEmpty()) {
            throw NovaNames.invalid("keypair", keypair, unexpected(unknown));
        }
    }

    private static boolean known(String field, ApiVersion version) {
        return switch (field) {
            case "name", "public_key" -> true;
            case "type" -> version.atLeast(TYPED);
            case "user_id" -> version.atLeast(OTHER_USERS);
            default -> false;
        };
    }

    private static KeyPairType type(JsonNode type) {
        return type == null ? KeyPairType.SSH : KeyPairType.fromWireName(type.asString()).orElseThrow();
    }

    private static String text(JsonNode keypair, String field) {
        JsonNode value = keypair.get(field);
        return value == null ? null : value.asString();
    }

    /** jsonschema's words for fields a schema does not know, sorted as it lists them. */
    static String unexpected(List<String> fields) {
        List<String> sorted = fields.stream().sorted().map(field -> "'" + field + "'").toList();
        return "Additional properties are not allowed (" + String.join(", ", sorted)
                + (sorted.size() == 1 ? " was" : " were") + " unexpected)";
    }
}
