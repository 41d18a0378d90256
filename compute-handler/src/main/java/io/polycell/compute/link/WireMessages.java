package io.polycell.compute.link;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How commands and results cross between an agent process and its cell: {@code {"type": <class>,
 * "payload": <record as JSON>}}. Only Polycell's message types may be named, so a peer cannot make the
 * other side load an arbitrary class.
 */
public final class WireMessages {

    private static final String MESSAGES = "io.polycell.messages.";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WireMessages() {
    }

    public static String write(Object message) {
        ObjectNode wire = JSON.createObjectNode();
        wire.put("type", message == null ? null : message.getClass().getName());
        wire.set("payload", message == null ? JSON.nullNode() : JSON.valueToTree(message));
        return JSON.writeValueAsString(wire);
    }

    /** A command for an agent, with the name it was sent under. */
    public static ObjectNode named(String name, Object message) {
        ObjectNode wire = JSON.createObjectNode();
        wire.put("name", name);
        wire.put("type", message.getClass().getName());
        wire.set("payload", JSON.valueToTree(message));
        return wire;
    }

    public static String array(Iterable<ObjectNode> messages) {
        ArrayNode array = JSON.createArrayNode();
        messages.forEach(array::add);
        return JSON.writeValueAsString(array);
    }

    public static Object read(String text) {
        return read(JSON.readTree(text));
    }

    public static Object read(JsonNode wire) {
        JsonNode type = wire.path("type");
        if (type.isNull() || type.isMissingNode()) {
            return null;
        }
        String name = type.asString();
        if (!name.startsWith(MESSAGES)) {
            throw new IllegalArgumentException("Not a Polycell message type: " + name);
        }
        try {
            return JSON.treeToValue(wire.path("payload"), Class.forName(name));
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("Unknown message type: " + name, e);
        }
    }

    public static JsonNode tree(String text) {
        return JSON.readTree(text);
    }
}
