package io.polycell.scheduler;

import io.polycell.messages.common.Resources;
import io.polycell.messages.instance.GroupHint;
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
 * @param group the server group the instances join, or null
 * @param groupMembersPerHost how many members of that group each host has, filled in by the scheduler
 * @param hints the same_host and different_host hints
 * @param traits the traits required and forbidden by the flavor's extra specs and the image's
 *     properties; read from them when null, so a pass over the hosts never parses them
 */
public record RequestSpec(Resources resources, String availabilityZone, Map<String, String> flavorExtraSpecs,
                          Map<String, String> imageProperties, Set<String> excludedHosts, GroupHint group,
                          Map<String, Integer> groupMembersPerHost, HostHints hints, Traits traits) {

    public RequestSpec {
        hints = hints == null ? HostHints.NONE : hints;
        flavorExtraSpecs = flavorExtraSpecs == null ? Map.of() : Map.copyOf(flavorExtraSpecs);
        imageProperties = imageProperties == null ? Map.of() : Map.copyOf(imageProperties);
        excludedHosts = excludedHosts == null ? Set.of() : Set.copyOf(excludedHosts);
        groupMembersPerHost = groupMembersPerHost == null ? Map.of() : groupMembersPerHost;
        traits = traits == null ? Traits.of(flavorExtraSpecs, imageProperties) : traits;
    }

    public RequestSpec(Resources resources, String availabilityZone, Map<String, String> flavorExtraSpecs,
                       Map<String, String> imageProperties, Set<String> excludedHosts) {
        this(resources, availabilityZone, flavorExtraSpecs, imageProperties, excludedHosts, null, null, null, null);
    }

    public RequestSpec(Resources resources, String availabilityZone, Map<String, String> flavorExtraSpecs,
                       Map<String, String> imageProperties, Set<String> excludedHosts, GroupHint group) {
        this(resources, availabilityZone, flavorExtraSpecs, imageProperties, excludedHosts, group, null, null, null);
    }

    public RequestSpec(Resources resources, String availabilityZone, Map<String, String> flavorExtraSpecs,
                       Map<String, String> imageProperties, Set<String> excludedHosts, GroupHint group,
                       HostHints hints) {
        this(resources, availabilityZone, flavorExtraSpecs, imageProperties, excludedHosts, group, null, hints, null);
    }

    /** A request for resources only, anywhere. */
    public static RequestSpec of(Resources resources) {
        return new RequestSpec(resources, null, null, null, null);
    }

    public RequestSpec excluding(Set<String> hosts) {
        return new RequestSpec(resources, availabilityZone, flavorExtraSpecs, imageProperties, hosts, group,
                groupMembersPerHost, hints, traits);
    }

    /** The same request with the group's members counted per host (a live map the scheduler updates). */
    RequestSpec withGroupMembers(Map<String, Integer> membersPerHost) {
        return new RequestSpec(resources, availabilityZone, flavorExtraSpecs, imageProperties, excludedHosts, group,
                membersPerHost, hints, traits);
    }

    /** The same request with its host hints resolved to hosts. */
    RequestSpec withHints(HostHints resolvedHints) {
        return new RequestSpec(resources, availabilityZone, flavorExtraSpecs, imageProperties, excludedHosts, group,
                groupMembersPerHost, resolvedHints, traits);
    }

    /** Members of the request's group on {@code host}. */
    public int groupMembersOn(String host) {
        return groupMembersPerHost.getOrDefault(host, 0);
    }
}
