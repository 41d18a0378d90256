package io.polycell.query.host;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * A control service of the API process, as Nova lists its conductors and schedulers in the internal
 * zone: the super-conductor, each cell's conductor and each scheduler replica.
 *
 * @param binary {@code nova-conductor} or {@code nova-scheduler}
 * @param host the machine the API process runs on
 * @param scope what it serves ({@code api}, a cell's name, or a scheduler replica): two services of
 *              one binary on one host differ by it
 * @param id its numeric id before microversion 2.53, unique among the control services
 * @param up whether it is working: a conductor whenever the process answers, a scheduler replica once
 *           it has caught up with the streams
 * @param updatedAt when this was read, the last time the process was heard from
 */
public record ControlService(String binary, String host, String scope, int id, boolean up, Instant updatedAt) {

    public static final String CONDUCTOR = "nova-conductor";
    public static final String SCHEDULER = "nova-scheduler";

    /** Its id from 2.53 on: the same for the same binary and scope across restarts. */
    public UUID uuid() {
        return UUID.nameUUIDFromBytes(("polycell-control-service:" + binary + ":" + scope)
                .getBytes(StandardCharsets.UTF_8));
    }
}
