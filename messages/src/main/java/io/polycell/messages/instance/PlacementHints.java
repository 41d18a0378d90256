package io.polycell.messages.instance;

import java.util.Set;

/**
 * Nova's {@code same_host} and {@code different_host} scheduler hints: the instances a new server must
 * share a host with (any one of them), and those it must not share a host with (none of them).
 */
public record PlacementHints(Set<String> sameHost, Set<String> differentHost) {

    public static final PlacementHints NONE = new PlacementHints(Set.of(), Set.of());

    public PlacementHints {
        sameHost = sameHost == null ? Set.of() : Set.copyOf(sameHost);
        differentHost = differentHost == null ? Set.of() : Set.copyOf(differentHost);
    }
}
