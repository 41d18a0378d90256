package io.polycell.scheduler;

import java.time.Duration;

/** How a replica's host states learn that they may be behind, and wait until they are not. */
@FunctionalInterface
public interface Freshness {

    /**
     * Waits up to {@code within} until the states hold every event the stores held when this was
     * called; whether they do.
     */
    boolean awaitCurrent(Duration within);
}
