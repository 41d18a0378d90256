package io.polycell.query.server;

import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Metadata maps to and from the JSON text the views keep them in. */
final class JsonText {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
    };

    private JsonText() {
    }

    static String write(Map<String, String> map) {
        return MAPPER.writeValueAsString(map == null ? Map.of() : map);
    }

    static Map<String, String> read(String json) {
        return MAPPER.readValue(json, MAP);
    }
}
