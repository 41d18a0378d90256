package io.polycell.scheduler.filter;

import io.polycell.scheduler.HostColumns;
import io.polycell.scheduler.HostState;
import io.polycell.scheduler.RequestSpec;

/**
 * Passes hosts that can run the image: its {@code architecture} must be one of the architectures the
 * host's agent reports (a comma-separated list: a QEMU host under TCG runs several) and its
 * {@code hypervisor_type} the host's, when set (a host that reports nothing is not held against the
 * image).
 */
public final class ImagePropertiesFilter implements HostFilter {

    @Override
    public boolean passes(HostState host, RequestSpec request) {
        return passes(host.attribute(HostState.COMPUTE, HostColumns.ARCHITECTURE),
                host.attribute(HostState.COMPUTE, HostColumns.HYPERVISOR_TYPE), request);
    }

    private static boolean passes(String architectures, String hypervisorType, RequestSpec request) {
        return matches(architectures, request.imageProperties().get(HostColumns.ARCHITECTURE))
                && matches(hypervisorType, request.imageProperties().get(HostColumns.HYPERVISOR_TYPE));
    }

    private static boolean matches(String offered, String wanted) {
        return wanted == null || offered == null || listed(offered, wanted);
    }

    /**
     * Whether {@code value} is one of the comma-separated {@code list}, ignoring case. Read in place:
     * the filter runs on every host of a pass whenever the image names an architecture (the
     * built-in images all do), so it allocates nothing.
     */
    static boolean listed(String list, String value) {
        int start = 0;
        while (start <= list.length()) {
            int end = list.indexOf(',', start);
            if (end < 0) {
                end = list.length();
            }
            if (end - start == value.length() && list.regionMatches(true, start, value, 0, value.length())) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    @Override
    public boolean passes(HostColumns hosts, int slot, RequestSpec request) {
        return request.imageProperties().isEmpty() || passes(hosts.state(slot), request);
    }

    /**
     * Hosts of one kind report the same capabilities, so a pass judges each capability profile once
     * and then answers every host with an array read: the built-in images all name an architecture,
     * so this filter is in nearly every pass.
     */
    @Override
    public HostFilter forPass(RequestSpec request, HostColumns hosts) {
        boolean[] verdicts = new boolean[hosts.capabilityProfileCount()];
        for (int profile = 0; profile < verdicts.length; profile++) {
            verdicts[profile] = passes(hosts.profileArchitectures(profile), hosts.profileHypervisorType(profile),
                    request);
        }
        return new Judged(this, verdicts);
    }

    /** The filter for one pass, with each capability profile already judged. */
    private record Judged(ImagePropertiesFilter filter, boolean[] verdicts) implements HostFilter {

        @Override
        public boolean passes(HostState host, RequestSpec request) {
            return filter.passes(host, request);
        }

        /** A host whose profile appeared after the pass began is judged on its own. */
        @Override
        public boolean passes(HostColumns hosts, int slot, RequestSpec request) {
            int profile = hosts.capabilityProfile(slot);
            return profile < verdicts.length ? verdicts[profile] : filter.passes(hosts.state(slot), request);
        }
    }

    @Override
    public boolean appliesTo(RequestSpec request) {
        return !request.imageProperties().isEmpty();
    }
}
