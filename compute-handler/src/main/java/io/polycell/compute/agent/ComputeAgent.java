package io.polycell.compute.agent;

import io.polycell.compute.driver.ComputeDriver;
import io.polycell.compute.driver.Guest;
import io.polycell.compute.link.CellLink;
import io.polycell.messages.host.ClaimedInstances;
import io.polycell.messages.host.ReportHostHeartbeat;
import io.polycell.messages.host.ReportHostInventory;
import io.polycell.messages.host.SyncHostGuests;
import io.polycell.messages.instance.DestroyGuest;
import io.polycell.messages.instance.HostCommand;
import io.polycell.messages.instance.HostCommandNames;
import io.polycell.messages.instance.PowerState;
import io.polycell.messages.instance.RecordPowerState;
import io.polycell.messages.instance.RecordGuestDestroyed;
import io.polycell.messages.instance.RecordInstanceSpawned;
import io.polycell.messages.instance.RecordServerActionResult;
import io.polycell.messages.instance.RecordSpawnFailure;
import io.polycell.messages.instance.RunServerAction;
import io.polycell.messages.instance.SpawnInstance;
import java.util.ArrayList;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent of one compute host. It takes only the commands addressed to its host, drives its
 * driver, and reports back with commands to its cell. It has no database and reads no store: every
 * command carries what it needs.
 *
 * <p>Its periodic tasks are its own (seed 000's open question): a heartbeat to its cell, and one look
 * at the hypervisor that serves both power-state sync and orphan detection. Both report through
 * commands, and the receivers record events only when something changed.
 *
 * <p>Work for one instance runs on one lane (a single thread chosen by the instance id), so a delete
 * that arrives while a spawn is under way waits for the spawn instead of racing it. Handlers only
 * enqueue, so a slow hypervisor never holds up the cell's command bus.
 */
public final class ComputeAgent implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ComputeAgent.class);

    private final String host;
    private final String cell;
    private final ComputeDriver driver;
    private final CellLink cellLink;
    private final ExecutorService[] lanes;
    private final List<Runnable> subscriptions = new ArrayList<>();
    private final AgentSettings settings;
    private final ScheduledExecutorService periodic;
    private final Map<String, PowerState> reportedPower = new ConcurrentHashMap<>();
    private int syncs;
    private volatile boolean killed;
    private volatile ReportHostInventory reportedInventory;

    public ComputeAgent(String host, String cell, ComputeDriver driver, CellLink cellLink, AgentSettings settings) {
        int laneCount = settings.lanes();
        this.settings = settings;
        this.periodic = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "agent-" + host + "-periodic");
            t.setDaemon(true);
            return t;
        });
        this.host = host;
        this.cell = cell;
        this.driver = driver;
        this.cellLink = cellLink;
        this.lanes = new ExecutorService[laneCount];
        for (int i = 0; i < laneCount; i++) {
            String threadName = "agent-" + host + "-" + i;
            lanes[i] = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, threadName);
                t.setDaemon(true);
                return t;
            });
        }
    }

    /** Subscribes to this host's commands and reports the host's inventory to its cell. */
    public void start() {
        subscribe(SpawnInstance.class, this::spawn);
        subscribe(DestroyGuest.class, this::destroy);
        subscribe(RunServerAction.class, this::act);
        reportInventoryIfChanged();
        heartbeat();
        every(settings.heartbeatInterval(), this::heartbeat);
        every(settings.syncInterval(), this::syncGuests);
        log.info("Compute agent for host {} in {} is up on the {} driver with capacity {} ({}), offering {} and "
                + "traits {}", host, cell, driver.name(), driver.capacity(), settings.allocation(),
                driver.capabilities(), driver.traits());
    }

    public String host() {
        return host;
    }

    private void every(Duration interval, Runnable task) {
        periodic.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("Host {}: periodic task failed: {}", host, e.getMessage());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void heartbeat() {
        cellLink.send(new ReportHostHeartbeat(host, cell)).exceptionally(failure -> {
            log.warn("Host {} could not reach {} with its heartbeat: {}", host, cell, failure.getMessage());
            return null;
        });
    }

    /**
     * Power-state sync and orphan detection in one look at the hypervisor: the host's aggregate learns
     * which guests run (and records orphans when they change), and answers which instances are claimed
     * here; each of those whose guest's power state changed since the last report is told so. A claimed
     * instance without a guest is reported as having none.
     */
    void syncGuests() {
        reportInventoryIfChanged();
        Map<String, PowerState> guests = new HashMap<>();
        driver.guests().forEach(guest -> guests.put(guest.instanceId(), guest.powerState()));
        ClaimedInstances claimed = await(cellLink.send(new SyncHostGuests(host, guests)));
        boolean full = ++syncs % settings.fullResyncEvery() == 0;
        for (String instanceId : claimed.instanceIds()) {
            PowerState state = guests.getOrDefault(instanceId, PowerState.NOSTATE);
            if (full || reportedPower.get(instanceId) != state) {
                reportedPower.put(instanceId, state);
                report(new RecordPowerState(instanceId, host, state));
            }
        }
        reportedPower.keySet().retainAll(claimed.instanceIds());
    }

    /**
     * The host's inventory can change under the agent (memory added, a setting changed, traits gained or
     * lost): report it then.
     */
    private void reportInventoryIfChanged() {
        ReportHostInventory inventory = new ReportHostInventory(host, cell, driver.capacity(), settings.allocation(),
                driver.capabilities(), driver.traits());
        if (!inventory.equals(reportedInventory)) {
            await(cellLink.send(inventory));
            reportedInventory = inventory;
        }
    }

    private <C extends HostCommand> void subscribe(Class<C> type, Consumer<C> work) {
        String name = HostCommandNames.of(type, host);
        subscriptions.add(cellLink.subscribe(name, payload -> {
            C command = type.cast(payload);
            lane(laneKey(command)).execute(() -> work.accept(command));
        }));
    }

    private void spawn(SpawnInstance command) {
        try {
            Guest guest = driver.spawn(command.spec());
            reportedPower.put(command.instanceId(), guest.powerState());
            report(new RecordInstanceSpawned(command.instanceId(), host, guest.powerState()));
        } catch (RuntimeException e) {
            log.warn("Host {} could not spawn instance {}: {}", host, command.instanceId(), e.getMessage());
            report(new RecordSpawnFailure(command.instanceId(), host, e.getMessage()));
        }
    }

    private void destroy(DestroyGuest command) {
        try {
            driver.destroy(command.instanceId());
            report(new RecordGuestDestroyed(command.instanceId(), host));
        } catch (RuntimeException e) {
            log.warn("Host {} could not destroy the guest of instance {}: {}", host, command.instanceId(),
                    e.getMessage());
        }
    }

    private void act(RunServerAction command) {
        String instanceId = command.instanceId();
        try {
            Guest guest = switch (command.action()) {
                case STOP -> driver.powerOff(instanceId);
                case START -> driver.powerOn(instanceId);
                case REBOOT -> driver.reboot(instanceId, command.hard());
                case PAUSE -> driver.pause(instanceId);
                case UNPAUSE -> driver.unpause(instanceId);
                case SUSPEND -> driver.suspend(instanceId);
                case RESUME -> driver.resume(instanceId);
                case REBUILD -> driver.rebuild(command.spec());
                case LOCK, UNLOCK -> throw new IllegalArgumentException(command.action() + " needs no host");
            };
            reportedPower.put(instanceId, guest.powerState());
            report(new RecordServerActionResult(instanceId, command.requestId(), host, guest.powerState(), null));
        } catch (RuntimeException e) {
            log.warn("Host {} could not {} instance {}: {}", host, command.action().apiName(), instanceId,
                    e.getMessage());
            report(new RecordServerActionResult(instanceId, command.requestId(), host, null, e.getMessage()));
        }
    }

    private void report(Object command) {
        if (killed) {
            return;
        }
        cellLink.send(command).exceptionally(failure -> {
            log.warn("Host {} could not report {} to {}: {}", host, command.getClass().getSimpleName(), cell,
                    failure.getMessage());
            return null;
        });
    }

    private static String laneKey(HostCommand command) {
        if (command instanceof SpawnInstance spawn) {
            return spawn.instanceId();
        }
        if (command instanceof DestroyGuest destroy) {
            return destroy.instanceId();
        }
        if (command instanceof RunServerAction action) {
            return action.instanceId();
        }
        return command.host();
    }

    private static <R> R await(CompletableFuture<R> outcome) {
        try {
            return outcome.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the cell", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The cell refused: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("The cell did not answer within 30 s", e);
        }
    }

    private ExecutorService lane(String key) {
        return lanes[Math.floorMod(key.hashCode(), lanes.length)];
    }

    /**
     * Dies at once, as a crashed agent process would: no new commands, work under way interrupted,
     * nothing reported. The hypervisor and its guests stay as they are.
     */
    public void kill() {
        killed = true;
        subscriptions.forEach(Runnable::run);
        subscriptions.clear();
        periodic.shutdownNow();
        for (ExecutorService lane : lanes) {
            lane.shutdownNow();
        }
        log.warn("Compute agent for host {} was killed", host);
    }

    /** Stops taking commands and lets the work already taken finish. */
    @Override
    public void close() {
        periodic.shutdownNow();
        subscriptions.forEach(Runnable::run);
        subscriptions.clear();
        for (ExecutorService lane : lanes) {
            lane.shutdown();
        }
        for (ExecutorService lane : lanes) {
            try {
                lane.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
