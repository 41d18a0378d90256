package io.polycell.command.host;

import io.polycell.command.routing.CellIdentity;
import io.polycell.command.routing.CommandRouter;
import io.polycell.messages.host.MarkHostDown;
import io.polycell.messages.host.MarkHostUp;
import io.polycell.messages.host.ReportHostHeartbeat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cell's service group: who has heard from which host's agent, and when. Heartbeats are kept in
 * memory only (Nova's service group, without a database write per beat); a host that stays silent
 * longer than the down time is marked down on its aggregate, and up again at its next heartbeat, so
 * the event store sees one event per change, never one per beat.
 */
public final class HostLiveness {

    private static final Logger log = LoggerFactory.getLogger(HostLiveness.class);

    private final CellIdentity cell;
    private final CommandRouter router;
    private final Clock clock;
    private final Duration downTime;
    private final Map<String, Instant> lastSeen = new ConcurrentHashMap<>();
    private final Map<String, Boolean> markedDown = new ConcurrentHashMap<>();
    private ScheduledExecutorService monitor;

    public HostLiveness(CellIdentity cell, CommandRouter router, Clock clock, Duration downTime) {
        this.cell = cell;
        this.router = router;
        this.clock = clock;
        this.downTime = downTime;
    }

    @CommandHandler
    public void handle(ReportHostHeartbeat heartbeat) {
        lastSeen.put(heartbeat.host(), clock.instant());
        if (Boolean.TRUE.equals(markedDown.remove(heartbeat.host()))) {
            log.info("Host {} in {} is up again", heartbeat.host(), cell.name());
            router.toCell(cell.name(), new MarkHostUp(heartbeat.host()));
        }
    }

    /** Checks every host once: those silent for longer than the down time are marked down. */
    public void check() {
        Instant now = clock.instant();
        lastSeen.forEach((host, seen) -> {
            if (Duration.between(seen, now).compareTo(downTime) > 0 && markedDown.putIfAbsent(host, true) == null) {
                log.warn("Host {} in {} has not been heard from since {}: marking it down", host, cell.name(), seen);
                router.toCell(cell.name(), new MarkHostDown(host, seen));
            }
        });
    }

    public void start(Duration every) {
        monitor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "liveness-" + cell.name());
            thread.setDaemon(true);
            return thread;
        });
        monitor.scheduleWithFixedDelay(this::checkQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            log.warn("Host liveness check in {} failed: {}", cell.name(), e.getMessage());
        }
    }

    public void stop() {
        if (monitor != null) {
            monitor.shutdownNow();
        }
    }
}
