package io.polycell.query.aggregate;

import io.polycell.query.aggregate.AvailabilityZones.ZoneHost;
import java.util.List;

/**
 * The compute hosts the cells have registered, with their service's state. The API tier's events do
 * not name hosts that are in no aggregate, so the availability zone listing needs this to put them in
 * the default zone; the assembly supplies it from the cells' host views.
 */
@FunctionalInterface
public interface ComputeHosts {

    /** Every registered compute host that can be read now; a cell whose database is down is left out. */
    List<ZoneHost> all();
}
