package io.polycell.query.web;

import io.polycell.messages.common.ApiVersion;
import io.polycell.messages.common.Requester;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import io.polycell.messages.flavor.FlavorSpec;
import io.polycell.query.flavor.FlavorViewProjection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reading flavors and their extra specs ({@code os-extra_specs}, readable by anyone, as in Nova). */
@RestController
@RequestMapping("/v2.1/flavors")
class FlavorsQueryController {

    /** From 2.61 a flavor's detail shows its extra specs. */
    static final int EXTRA_SPECS_SHOWN = 61;

    private final FlavorViewProjection flavors;

    FlavorsQueryController(FlavorViewProjection flavors) {
        this.flavors = flavors;
    }

    @GetMapping
    Map<String, Object> list(Requester requester) {
        String base = Links.base();
        return Map.of("flavors", flavors.all().stream().map(flavor -> summary(flavor, base)).toList());
    }

    @GetMapping("/detail")
    Map<String, Object> detail(Requester requester, ApiVersion version) {
        String base = Links.base();
        return Map.of("flavors", flavors.all().stream().map(flavor -> detail(flavor, base, version)).toList());
    }

    @GetMapping("/{id}")
    Map<String, Object> show(@PathVariable String id, Requester requester, ApiVersion version) {
        return Map.of("flavor", detail(flavor(id), Links.base(), version));
    }

    @GetMapping("/{id}/os-extra_specs")
    Map<String, Object> extraSpecs(@PathVariable String id, Requester requester) {
        return Map.of("extra_specs", flavor(id).extraSpecs());
    }

    @GetMapping("/{id}/os-extra_specs/{key}")
    Map<String, Object> extraSpec(@PathVariable String id, @PathVariable String key, Requester requester) {
        String value = flavor(id).extraSpecs().get(key);
        if (value == null) {
            throw new PolycellException(ErrorCode.NOT_FOUND,
                    "Flavor " + id + " has no extra specs with key " + key + ".");
        }
        return Map.of(key, value);
    }

    private FlavorSpec flavor(String id) {
        return flavors.find(id)
                .orElseThrow(() -> new PolycellException(ErrorCode.NOT_FOUND, "Flavor " + id + " could not be found."));
    }

    private static Map<String, Object> summary(FlavorSpec flavor, String base) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", flavor.id());
        json.put("name", flavor.name());
        json.put("links", Links.selfAndBookmark(base, "flavors", flavor.id()));
        return json;
    }

    private static Map<String, Object> detail(FlavorSpec flavor, String base, ApiVersion version) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", flavor.id());
        json.put("name", flavor.name());
        json.put("ram", flavor.ramMb());
        json.put("disk", flavor.diskGb());
        json.put("swap", flavor.swapMb() == 0 ? "" : flavor.swapMb());
        json.put("OS-FLV-EXT-DATA:ephemeral", flavor.ephemeralGb());
        json.put("OS-FLV-DISABLED:disabled", false);
        json.put("vcpus", flavor.vcpus());
        json.put("os-flavor-access:is_public", flavor.isPublic());
        json.put("rxtx_factor", flavor.rxtxFactor());
        json.put("links", Links.selfAndBookmark(base, "flavors", flavor.id()));
        if (version.atLeast(EXTRA_SPECS_SHOWN)) {
            json.put("extra_specs", flavor.extraSpecs());
        }
        return json;
    }
}
