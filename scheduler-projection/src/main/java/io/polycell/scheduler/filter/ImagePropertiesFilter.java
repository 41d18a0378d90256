package io.polycell.scheduler.filter;

import io.polycell.scheduler.HostColumns;
import io.polycell.scheduler.HostState;
import io.polycell.scheduler.RequestSpec;

/**
 * Passes hosts that can run the image: its {@code architecture} and {@code hypervisor_type}
 * properties, when set, must match what the host's agent reports (a host that reports nothing is not
 * held against the image).
 */
public final class ImagePropertiesFilter implements HostFilter {

    @Override
    public boolean passes(HostState host, RequestSpec request) {
        return matches(host, request, "architecture") && matches(host, request, "hypervisor_type");
    }

    private static boolean matches(HostState host, RequestSpec request, String property) {
        String wanted = request.imageProperties().get(property);
        String offered = host.attribute(HostState.COMPUTE, property);
        return wanted == null || offered == null || wanted.equalsIgnoreCase(offered);
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
