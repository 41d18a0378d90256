package io.polycell.scheduler;

import java.util.List;

/** Proposes hosts for instances; the super-conductor claims them. */
public interface Scheduler {

    /**
     * Places every instance of one request in one decision, each with up to {@code alternates}
     * alternates in its primary's cell; fewer placements than instances when the hosts run out.
     */
    List<Placement> select(List<String> instanceIds, RequestSpec request, int alternates);

    /** Drops what was reserved for {@code instanceId}: its claim went elsewhere or failed. */
    void forget(String instanceId);
}
