package io.polycell.query.web;

import java.util.List;
import java.util.Map;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

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

    /** A full page's next link: the same query with the page's last item as the marker, as Nova builds it. */
    static String next(String base, String path, MultiValueMap<String, String> params, String marker) {
        MultiValueMap<String, String> next = new LinkedMultiValueMap<>(params);
        next.remove("marker");
        next.set("marker", marker);
        return UriComponentsBuilder.fromUriString(base + "/v2.1/" + path).queryParams(next).encode().build()
                .toUriString();
    }
}
