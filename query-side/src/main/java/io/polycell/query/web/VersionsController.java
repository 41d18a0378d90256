package io.polycell.query.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The version documents at {@code /} and {@code /v2.1/}; readable without a token, as in Nova. */
@RestController
class VersionsController {

    static final String MIN_VERSION = "2.1";
    static final String MAX_VERSION = "2.1";

    @GetMapping("/")
    Map<String, Object> versions() {
        String base = Links.base();
        Map<String, Object> v20 = new LinkedHashMap<>();
        v20.put("id", "v2.0");
        v20.put("status", "SUPPORTED");
        v20.put("version", "");
        v20.put("min_version", "");
        v20.put("updated", "2011-01-21T11:33:21Z");
        v20.put("links", List.of(Map.of("rel", "self", "href", base + "/v2/")));
        Map<String, Object> v21 = v21(base);
        v21.remove("media-types");
        v21.put("links", List.of(Map.of("rel", "self", "href", base + "/v2.1/")));
        return Map.of("versions", List.of(v20, v21));
    }

    @GetMapping({"/v2.1", "/v2.1/"})
    Map<String, Object> v21() {
        return Map.of("version", v21(Links.base()));
    }

    private static Map<String, Object> v21(String base) {
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("id", "v2.1");
        version.put("status", "CURRENT");
        version.put("version", MAX_VERSION);
        version.put("min_version", MIN_VERSION);
        version.put("updated", "2013-07-23T11:33:21Z");
        version.put("links", List.of(Map.of("rel", "self", "href", base + "/v2.1/"),
                Map.of("rel", "describedby", "type", "text/html", "href", "http://docs.openstack.org/")));
        version.put("media-types", List.of(Map.of("base", "application/json",
                "type", "application/vnd.openstack.compute+json;version=2.1")));
        return version;
    }
}
