package io.polycell.messages.host;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The UUIDs Nova gives a host's compute service and its compute node (hypervisor) from microversion
 * 2.53 on. Derived from the host's name rather than drawn at random, so the command side and every
 * replay of a view agree on them without storing or exchanging them.
 */
public record ComputeServiceIds(UUID service, UUID computeNode) {

    public static ComputeServiceIds of(String host) {
        return new ComputeServiceIds(UUID.nameUUIDFromBytes(("nova-compute:" + host).getBytes(StandardCharsets.UTF_8)),
                UUID.nameUUIDFromBytes(("compute-node:" + host).getBytes(StandardCharsets.UTF_8)));
    }
}
