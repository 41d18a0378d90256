package io.polycell.command.web;

import java.util.Iterator;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Renders JSON the way Nova's validation messages quote the offending value (Python's repr), so
 * clients that match on Nova's messages keep working.
 */
final class PythonRepr {

    private PythonRepr() {
    }

    static String of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "None";
        }
        if (node.isString()) {
            return "'" + node.asString().replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        if (node.isBoolean()) {
            return node.asBoolean() ? "True" : "False";
        }
        if (node.isObject()) {
            StringBuilder out = new StringBuilder("{");
            Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                out.append('\'').append(field.getKey()).append("': ").append(of(field.getValue()));
                if (fields.hasNext()) {
                    out.append(", ");
                }
            }
            return out.append('}').toString();
        }
        if (node.isArray()) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < node.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(of(node.get(i)));
            }
            return out.append(']').toString();
        }
        return node.toString();
    }
}
