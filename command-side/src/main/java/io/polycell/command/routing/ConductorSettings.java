package io.polycell.command.routing;

import java.time.Duration;

/**
 * How long the cell conductor waits for a host before it fails the work: nothing is left in BUILD or
 * in a task state past these deadlines.
 *
 * @param spawnDeadline how long a host may take to spawn a guest
 * @param actionDeadline how long a host may take for a server action
 */
public record ConductorSettings(Duration spawnDeadline, Duration actionDeadline) {

    public ConductorSettings {
        spawnDeadline = spawnDeadline == null ? Duration.ofMinutes(5) : spawnDeadline;
        actionDeadline = actionDeadline == null ? Duration.ofMinutes(5) : actionDeadline;
        if (spawnDeadline.isNegative() || spawnDeadline.isZero() || actionDeadline.isNegative()
                || actionDeadline.isZero()) {
            throw new IllegalArgumentException("Conductor deadlines must be positive");
        }
    }

    /** Five minutes for both. */
    public static ConductorSettings defaults() {
        return new ConductorSettings(null, null);
    }
}
