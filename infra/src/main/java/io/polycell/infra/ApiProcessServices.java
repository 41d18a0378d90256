package io.polycell.infra;

import io.polycell.query.host.ControlService;
import io.polycell.query.host.ControlServices;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The control services this process runs, named as Nova names them: the super-conductor
 * ({@code PlacementSaga} and the API tier's sagas), one conductor per cell (the cell's sagas) and one
 * scheduler per replica. They live and die with the process, so each is as recent as the moment it is
 * read; a scheduler replica is down until it has caught up with the streams.
 */
final class ApiProcessServices implements ControlServices {

    static final String API_SCOPE = "api";

    private final String host = localHostName();
    private final List<String> cells;
    private final Supplier<List<Boolean>> replicasCaughtUp;
    private final Clock clock;

    ApiProcessServices(List<String> cells, Supplier<List<Boolean>> replicasCaughtUp, Clock clock) {
        this.cells = List.copyOf(cells);
        this.replicasCaughtUp = replicasCaughtUp;
        this.clock = clock;
    }

    @Override
    public List<ControlService> all() {
        Instant now = clock.instant();
        List<ControlService> services = new ArrayList<>();
        services.add(new ControlService(ControlService.CONDUCTOR, host, API_SCOPE, 1, true, now));
        for (String cell : cells) {
            services.add(new ControlService(ControlService.CONDUCTOR, host, cell, services.size() + 1, true, now));
        }
        List<Boolean> replicas = replicasCaughtUp.get();
        for (int replica = 0; replica < replicas.size(); replica++) {
            services.add(new ControlService(ControlService.SCHEDULER, host, "scheduler-" + (replica + 1),
                    services.size() + 1, replicas.get(replica), now));
        }
        return services;
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unnamed) {
            return "localhost";
        }
    }
}
