package io.polycell.command.quota.bench;

import io.polycell.command.quota.ProjectQuota;
import io.polycell.command.quota.ProjectQuotas;
import io.polycell.command.quota.QuotaDefaults;
import io.polycell.command.support.SerializingEventStorage;
import io.polycell.messages.error.PolycellException;
import io.polycell.messages.quota.ClaimServerQuota;
import io.polycell.messages.quota.QuotaLimitsSet;
import io.polycell.messages.quota.QuotaResource;
import io.polycell.messages.quota.ReleaseServerQuota;
import io.polycell.messages.quota.ServerQuotaClaimed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.LoggerFactory;

/**
 * The quota check of a boot as projects and servers grow: {@code servers} counted servers spread
 * over {@code projects} projects, each project's history one claim event per server, snapshotted as
 * the API store would have by then. Measured through Axon with the API tier's configuration of the
 * quota aggregate (cache, snapshots; one command per claim), on an event store in memory that finds
 * and deserializes an aggregate's events and snapshot as the JDBC one does, so that the figure is the
 * check's own cost and not PostgreSQL's. Three costs:
 * <ul>
 *   <li>{@code claimAndRelease}: one server claimed and released in a random project (a boot and its
 *       delete; the state stays the same size);</li>
 *   <li>{@code refusedClaim}: a claim refused with Nova's 403 by a full project (what the requests
 *       that lose a race cost);</li>
 *   <li>{@code coldLoad}: a random project's quota loaded without the cache, from its snapshot and the
 *       events after it (the first boot of a project after a restart).</li>
 * </ul>
 * The set-up prints the heap the loaded quotas hold ({@code RESULT heap}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class QuotaClaimBenchmark {

    private static final String FULL = "project-full";
    private static final int PUBLISH_BATCH = 10_000;

    @Param({"1", "1000"})
    public int projects;

    @Param({"1000", "100000"})
    public int servers;

    private Configuration axon;
    private final ExecutorService snapshots = Executors.newSingleThreadExecutor();
    private CommandGateway commands;
    private EventSourcingRepository<ProjectQuota> uncached;
    private Random random;
    private long sequence;

    @Setup(Level.Trial)
    public void countServers() {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.polycell")).setLevel(
                ch.qos.logback.classic.Level.WARN);
        QuotaDefaults defaults = QuotaDefaults.nova().with(Map.of(QuotaResource.INSTANCES, 1_000_000,
                QuotaResource.CORES, 10_000_000, QuotaResource.RAM, 2_000_000_000));
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new SerializingEventStorage())
                .registerComponent(QuotaDefaults.class, c -> defaults)
                .configureAggregate(ProjectQuotas.aggregateConfiguration())
                .registerComponent(Snapshotter.class, c -> ProjectQuotas.snapshotter(c, snapshots))
                .buildConfiguration();
        axon.start();
        commands = axon.commandGateway();
        uncached = EventSourcingRepository.builder(ProjectQuota.class)
                .eventStore(axon.eventStore())
                .parameterResolverFactory(axon.parameterResolverFactory())
                .handlerDefinition(axon.handlerDefinition(ProjectQuota.class))
                .build();
        List<DomainEventMessage<?>> history = new ArrayList<>();
        for (int p = 0; p < projects; p++) {
            String project = project(p);
            for (int s = p; s < servers; s += projects) {
                long seq = s / projects;
                history.add(new GenericDomainEventMessage<>("ProjectQuota", project, seq,
                        new ServerQuotaClaimed(project, "user-" + (s % 7), List.of(project + "-vm-" + s), 2, 4096,
                                null)));
                if (history.size() == PUBLISH_BATCH) {
                    axon.eventStore().publish(history);
                    history.clear();
                }
            }
        }
        history.add(new GenericDomainEventMessage<>("ProjectQuota", FULL, 0,
                new QuotaLimitsSet(FULL, null, Map.of(QuotaResource.INSTANCES, 1))));
        history.add(new GenericDomainEventMessage<>("ProjectQuota", FULL, 1,
                new ServerQuotaClaimed(FULL, "user-0", List.of("full-vm"), 2, 4096, null)));
        axon.eventStore().publish(history);
        if (servers / projects >= ProjectQuotas.SNAPSHOT_EVERY) {
            for (int p = 0; p < projects; p++) {
                axon.snapshotter().scheduleSnapshot(ProjectQuota.class, project(p));
            }
            drain(snapshots);
        }
        random = new Random(42);
        long before = usedHeap();
        for (int p = 0; p < projects; p++) {
            commands.sendAndWait(new ReleaseServerQuota(project(p), "none"));
        }
        System.out.printf("%nRESULT heap of %d loaded quotas counting %d servers: %.1f MB%n", projects, servers,
                (usedHeap() - before) / 1e6);
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    @TearDown(Level.Trial)
    public void stop() {
        axon.shutdown();
        snapshots.shutdown();
    }

    /** Waits until every task submitted to {@code executor} so far has run. */
    private static void drain(ExecutorService executor) {
        try {
            executor.submit(() -> { }).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String project(int p) {
        return "project-" + p;
    }

    @Benchmark
    public Object claimAndRelease() {
        String project = project(random.nextInt(projects));
        String id = "bench-" + (sequence++);
        Object claimed = commands.sendAndWait(new ClaimServerQuota(project, "user-1", List.of(id), 1, 2, 4096, 3,
                null));
        commands.sendAndWait(new ReleaseServerQuota(project, id));
        return claimed;
    }

    @Benchmark
    public Object refusedClaim() {
        try {
            return commands.sendAndWait(new ClaimServerQuota(FULL, "user-0", List.of("bench-" + (sequence++)), 1, 2,
                    4096, 3, null));
        } catch (PolycellException refused) {
            return refused;
        }
    }

    @Benchmark
    public Object coldLoad() {
        String project = project(random.nextInt(projects));
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(
                GenericCommandMessage.asCommandMessage(new ReleaseServerQuota(project, "none")));
        try {
            return uncached.load(project).version();
        } finally {
            unitOfWork.rollback();
        }
    }
}
