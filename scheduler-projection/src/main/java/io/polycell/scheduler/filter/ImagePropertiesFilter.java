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
        return matches(host, request, "architecture") && matches(host, request, "hypervisor_type");
    }

    private static boolean matches(HostState host, RequestSpec request, String property) {
        String wanted = request.imageProperties().get(property);
        String offered = host.attribute(HostState.COMPUTE, property);
        if (wanted == null || offered == null) {
            return true;
        }
        return listed(offered, wanted);
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

    @Override
    public boolean appliesTo(RequestSpec request) {
        return !request.imageProperties().isEmpty();
    }
}
