package io.polycell.messages.instance;

import java.util.List;

/**
 * The networks a server asked for, as Nova's {@code networks}: {@code auto}, {@code none}, or the
 * listed networks, ports and fixed addresses.
 *
 * @param allocation {@code auto}, {@code none} or {@code requested}
 * @param requested the requested networks when the allocation is {@code requested}
 */
public record NetworkSpec(String allocation, List<NetworkRequest> requested) {

    /** Let the cloud pick a network. */
    public static final NetworkSpec AUTO = new NetworkSpec("auto", List.of());
    /** No network at all. */
    public static final NetworkSpec NONE = new NetworkSpec("none", List.of());

    public NetworkSpec {
        requested = requested == null ? List.of() : List.copyOf(requested);
    }

    /** One requested attachment: a network, or a port, optionally with a fixed address. */
    public record NetworkRequest(String uuid, String port, String fixedIp) {
    }
}
