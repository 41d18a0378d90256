package io.polycell.query.aggregate;

import java.util.Map;

/**
 * The compute hosts the cells have registered and whether each is up. The API tier's events do not
 * name hosts that are in no aggregate, so the availability zone listing needs this to put them in the
 * default zone; the assembly supplies it from the cells' host events.
 */
@FunctionalInterface
public interface ComputeHosts {

    /** Every registered compute host, and whether its agent is heard from. */
    Map<String, Boolean> upByHost();
}
