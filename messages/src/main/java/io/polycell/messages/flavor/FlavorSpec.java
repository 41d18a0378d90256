package io.polycell.messages.flavor;

/**
 * A flavor as the API and the hosts need it: the size of a server.
 */
public record FlavorSpec(String id, String name, int vcpus, int ramMb, int diskGb, int ephemeralGb,
                         int swapMb, double rxtxFactor, boolean isPublic) {
}
