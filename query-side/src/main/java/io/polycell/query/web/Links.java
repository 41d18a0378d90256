package io.polycell.query.web;

import java.util.List;
import java.util.Map;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Nova's {@code links}: a versioned self link and an unversioned bookmark. */
final class Links {

    private Links() {
    }

    static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

    static List<Map<String, String>> selfAndBookmark(String base, String collection, String id) {
        return List.of(Map.of("rel", "self", "href", base + "/v2.1/" + collection + "/" + id),
                Map.of("rel", "bookmark", "href", base + "/" + collection + "/" + id));
    }

    static List<Map<String, String>> bookmark(String base, String collection, String id) {
        return List.of(Map.of("rel", "bookmark", "href", base + "/" + collection + "/" + id));
    }
}
