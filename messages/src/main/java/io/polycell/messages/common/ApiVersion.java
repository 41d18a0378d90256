package io.polycell.messages.common;

/**
 * The compute API microversion a request asked for ({@code OpenStack-API-Version: compute 2.x}); a
 * request that names none gets 2.1, as in Nova. Only the responses whose shape changed look at it.
 */
public record ApiVersion(int major, int minor) {

    public static final ApiVersion DEFAULT = new ApiVersion(2, 1);

    public boolean atLeast(int wantedMinor) {
        return major > 2 || (major == 2 && minor >= wantedMinor);
    }
}
