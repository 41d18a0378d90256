package io.polycell.scheduler;

import io.polycell.messages.common.Resources;
import java.util.Map;
import java.util.Set;

/**
 * What one boot asks of a host: resources, and the constraints filters check.
 *
 * @param resources what each instance needs
 * @param availabilityZone the zone asked for, or null for any
 * @param flavorExtraSpecs the flavor's extra specs, matched against aggregate metadata
 * @param imageProperties the image's properties, matched against host capabilities
 * @param excludedHosts hosts that already refused this request
 */
public record RequestSpec(Resources resources, String availabilityZone, Map<String, String> flavorExtraSpecs,
                          Map<String, String> imageProperties, Set<String> excludedHosts) {

    public RequestSpec {
        flavorExtraSpecs = flavorExtraSpecs == null ? Map.of() : Map.copyOf(flavorExtraSpecs);
        imageProperties = imageProperties == null ? Map.of() : Map.copyOf(imageProperties);
        excludedHosts = excludedHosts == null ? Set.of() : Set.copyOf(excludedHosts);
    }

    /** A request for resources only, anywhere. */
    public static RequestSpec of(Resources resources) {
        return new RequestSpec(resources, null, null, null, null);
    }

    public RequestSpec excluding(Set<String> hosts) {
        return new RequestSpec(resources, availabilityZone, flavorExtraSpecs, imageProperties, hosts);
    }
}
