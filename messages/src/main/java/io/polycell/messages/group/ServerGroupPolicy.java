package io.polycell.messages.group;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How the scheduler places a server group's members relative to each other, by Nova's names. */
public enum ServerGroupPolicy {
    /** Every member on a different host; {@code max_server_per_host} may allow a few per host. */
    ANTI_AFFINITY("anti-affinity"),
    /** Every member on the same host; a boot fails when that host is full. */
    AFFINITY("affinity"),
    /** Members spread over hosts when possible, packed when not. */
    SOFT_ANTI_AFFINITY("soft-anti-affinity"),
    /** Members packed on one host when possible, spread when not. */
    SOFT_AFFINITY("soft-affinity");

    private final String wireName;

    ServerGroupPolicy(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ServerGroupPolicy> fromWireName(String name) {
        return Arrays.stream(values()).filter(policy -> policy.wireName.equals(name)).findFirst();
    }

    /** The names in Nova's order, as its validation message lists them. */
    public static List<String> wireNames() {
        return Arrays.stream(values()).map(ServerGroupPolicy::wireName).toList();
    }
}
