package io.polycell.scheduler;

import io.polycell.messages.common.Resources;
import io.polycell.scheduler.filter.HostFilter;
import io.polycell.scheduler.weigher.HostWeigher;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Picks hosts for a request from the in-memory host states: filter, weigh, best first. It only
 * proposes; the claim on the host's command-side aggregate decides, so a stale view or a second
 * scheduler can cost a retry but never a double booking. The proposed primary host is reserved for
 * the instance until its claim shows up in the host events.
 */
public final class FilterScheduler {

    private final HostStates states;
    private final List<HostFilter> filters;
    private final HostWeigher weigher;

    public FilterScheduler(HostStates states, List<HostFilter> filters, HostWeigher weigher) {
        this.states = states;
        this.filters = List.copyOf(filters);
        this.weigher = weigher;
    }

    /**
     * The best host for {@code request} followed by up to {@code alternates} more, best first, leaving
     * out the {@code excluded} hosts; empty when no host passes every filter.
     */
    public List<Destination> selectDestinations(String instanceId, Resources request, int alternates,
                                                Set<String> excluded) {
        synchronized (states) {
            states.expireReservations();
            List<Destination> destinations = states.all().stream()
                    .filter(host -> !excluded.contains(host.host()))
                    .filter(host -> filters.stream().allMatch(filter -> filter.passes(host, request)))
                    .sorted(Comparator.comparingDouble(weigher::weigh).reversed().thenComparing(HostState::host))
                    .limit(1L + alternates)
                    .map(host -> new Destination(host.host(), host.cell()))
                    .toList();
            if (!destinations.isEmpty()) {
                states.reserve(instanceId, destinations.get(0).host(), request);
            }
            return destinations;
        }
    }

    /** Drops the reservation made for {@code instanceId}: its claim went elsewhere or failed. */
    public void forget(String instanceId) {
        states.cancelReservation(instanceId);
    }
}
