package io.polycell.scheduler;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * Nova's {@code same_host} and {@code different_host} scheduler hints: instances the new one must
 * share a host with (any of them), or stay away from (all of them). The scheduler resolves the
 * instances to the hosts they are on, from the claims in its host states, before it filters.
 *
 * @param sameHost instances whose hosts are the only ones allowed, or empty for no such hint
 * @param differentHost instances whose hosts are refused
 * @param sameHosts the hosts {@code sameHost}'s instances are on, once resolved
 * @param differentHosts the hosts {@code differentHost}'s instances are on, once resolved
 */
public record HostHints(Set<String> sameHost, Set<String> differentHost, Set<String> sameHosts,
                        Set<String> differentHosts) {

    public static final HostHints NONE = new HostHints(Set.of(), Set.of(), Set.of(), Set.of());

    public HostHints {
        sameHost = sameHost == null ? Set.of() : Set.copyOf(sameHost);
        differentHost = differentHost == null ? Set.of() : Set.copyOf(differentHost);
        sameHosts = sameHosts == null ? Set.of() : Set.copyOf(sameHosts);
        differentHosts = differentHosts == null ? Set.of() : Set.copyOf(differentHosts);
    }

    /** The hints as the user gave them, not yet resolved to hosts. */
    public static HostHints of(Set<String> sameHost, Set<String> differentHost) {
        return new HostHints(sameHost, differentHost, Set.of(), Set.of());
    }

    public boolean any() {
        return !sameHost.isEmpty() || !differentHost.isEmpty();
    }

    /** The same hints with each instance's host looked up; an instance on no host adds none. */
    HostHints resolved(Function<String, String> hostOfInstance) {
        return new HostHints(sameHost, differentHost, hostsOf(sameHost, hostOfInstance),
                hostsOf(differentHost, hostOfInstance));
    }

    private static Set<String> hostsOf(Set<String> instances, Function<String, String> hostOfInstance) {
        Set<String> hosts = new HashSet<>();
        for (String instance : instances) {
            String host = hostOfInstance.apply(instance);
            if (host != null) {
                hosts.add(host);
            }
        }
        return hosts;
    }
}
