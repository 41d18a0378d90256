package io.polycell.infra;

import io.polycell.command.ApiTier;
import io.polycell.command.build.PlacementTally;
import io.polycell.command.CellTier;
import io.polycell.command.aggregate.JdbcAggregateDirectory;
import io.polycell.command.flavor.DefaultFlavors;
import io.polycell.command.host.HostDirectory;
import io.polycell.command.image.ImageCatalog;
import io.polycell.command.quota.QuotaAudit;
import io.polycell.command.quota.QuotaDefaults;
import io.polycell.command.routing.CellIdentity;
import io.polycell.command.routing.CommandRouter;
import io.polycell.command.routing.Outcomes;
import io.polycell.compute.agent.AgentSettings;
import io.polycell.compute.agent.ComputeAgent;
import io.polycell.compute.driver.ComputeDriver;
import io.polycell.compute.link.LocalCellLink;
import io.polycell.infra.postgres.EmbeddedPostgresServer;
import io.polycell.infra.search.IndexedServerListing;
import io.polycell.infra.search.SearchRuntime;
import io.polycell.infra.store.AxonSerialization;
import io.polycell.infra.store.StoreProbe;
import io.polycell.infra.store.StoreRuntime;
import io.polycell.messages.flavor.CreateFlavor;
import io.polycell.messages.host.AllocationPolicy;
import io.polycell.messages.flavor.FlavorSpec;
import io.polycell.query.action.InstanceActionProjection;
import io.polycell.query.action.InstanceActions;
import io.polycell.query.aggregate.AggregateViewProjection;
import io.polycell.query.flavor.FlavorViewProjection;
import io.polycell.query.host.HostListing;
import io.polycell.query.host.HostViewProjection;
import io.polycell.query.host.HypervisorType;
import io.polycell.query.group.ServerGroupViewProjection;
import io.polycell.query.keypair.KeyPairViewProjection;
import io.polycell.query.server.BuildRequestServerSource;
import io.polycell.query.server.BuildRequestViewProjection;
import io.polycell.query.server.CellServerSource;
import io.polycell.query.server.InstanceViewProjection;
import io.polycell.query.server.ServerListing;
import io.polycell.query.server.ServerSource;
import io.polycell.scheduler.FilterScheduler;
import io.polycell.scheduler.HostStates;
import io.polycell.scheduler.RecheckingScheduler;
import io.polycell.scheduler.ReplicatedScheduler;
import io.polycell.scheduler.Scheduler;
import io.polycell.scheduler.filter.AggregateExtraSpecsFilter;
import io.polycell.scheduler.filter.AvailabilityZoneFilter;
import io.polycell.scheduler.filter.ComputeFilter;
import io.polycell.scheduler.filter.DifferentHostFilter;
import io.polycell.scheduler.filter.ImagePropertiesFilter;
import io.polycell.scheduler.filter.NumInstancesFilter;
import io.polycell.scheduler.filter.ServerGroupAffinityFilter;
import io.polycell.scheduler.filter.ServerGroupAntiAffinityFilter;
import io.polycell.scheduler.filter.DiskFilter;
import io.polycell.scheduler.filter.RamFilter;
import io.polycell.scheduler.filter.RequiredTraitsFilter;
import io.polycell.scheduler.filter.SameHostFilter;
import io.polycell.scheduler.filter.VcpuFilter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.MultiSourceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole system in one process, the embedded default: PostgreSQL with a database per store, the
 * cells (cell0 and those configured, each with its own Axon configuration and compute agents on the
 * fake driver), the scheduler fed by every cell's events, and the API tier. Started in dependency
 * order and stopped in reverse.
 */
public final class Polycell implements AutoCloseable {

    public static final String API = "api";
    private static final Logger log = LoggerFactory.getLogger(Polycell.class);
    private static final Duration SCHEDULER_CATCH_UP = Duration.ofMinutes(5);
    /** How long a replica that found no host waits for its states to catch up before deciding again. */
    private static final Duration SCHEDULER_RECHECK = Duration.ofSeconds(2);
    private static final Duration HANDOVER_KEPT = Duration.ofMinutes(2);
    private static final int API_POOL = 24;
    private static final int CELL_POOL = 16;

    private final PolycellProperties properties;
    private final Clock clock;
    private final ImageCatalog images;
    private final CommandRouter router = new CommandRouter(API);
    private final List<HostStates> replicaStates = new ArrayList<>();
    private final List<TrackingEventProcessor> schedulerFeeds = new ArrayList<>();
    /** How many events the snapshot the replicas started from covered; 0 when they replayed everything. */
    private long snapshotEvents;
    private final ExecutorService snapshotWriter = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "scheduler-snapshots");
        thread.setDaemon(true);
        return thread;
    });
    private final Scheduler scheduler;
    private final Map<String, StoreRuntime> cells = new LinkedHashMap<>();
    private final Map<String, ComputeAgent> agents = new LinkedHashMap<>();
    private final Map<String, ComputeDriver> drivers = new LinkedHashMap<>();
    private EmbeddedPostgresServer postgres;
    private SearchRuntime search;
    private StoreProbe storeProbe;
    private StoreRuntime api;
    private FlavorViewProjection flavorView;
    private BuildRequestViewProjection buildRequestView;
    private final ScheduledExecutorService janitor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "view-janitor");
        thread.setDaemon(true);
        return thread;
    });
    private AggregateViewProjection aggregateView;
    private ServerGroupViewProjection serverGroupView;
    private KeyPairViewProjection keyPairView;
    private JdbcAggregateDirectory aggregateDirectory;
    private ServerListing listing;
    private InstanceActions instanceActions;
    private final HostDirectory hostDirectory = new HostDirectory();
    private HostListing hostListing;
    private final QuotaDefaults quotaDefaults;
    private QuotaAudit quotaAudit;

    private Polycell(PolycellProperties properties, Clock clock) {
        this.properties = properties;
        List<Scheduler> replicas = new ArrayList<>();
        for (int i = 0; i < properties.scheduler().replicas(); i++) {
            HostStates states = new HostStates();
            replicaStates.add(states);
            int replica = i;
            replicas.add(new RecheckingScheduler(newScheduler(states),
                    within -> SchedulerFeed.awaitCurrent(schedulerFeeds.get(replica), schedulerStreams(), within),
                    SCHEDULER_RECHECK));
        }
        this.scheduler = replicas.size() == 1 ? replicas.get(0) : new ReplicatedScheduler(replicas);
        this.images = new ImageCatalog(properties.images().stream().map(PolycellProperties.ImageProperties::toSpec)
                .toList());
        this.clock = clock;
        this.quotaDefaults = properties.quota().toDefaults();
    }

    /** Starts everything; a failure stops what was started and rethrows. */
    public static Polycell start(PolycellProperties properties, Clock clock) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        Polycell polycell = new Polycell(properties, clock);
        try {
            polycell.startAll();
            return polycell;
        } catch (RuntimeException e) {
            polycell.close();
            throw e;
        }
    }

    private void startAll() {
        Instant begin = clock.instant();
        List<String> cellNames = new ArrayList<>();
        cellNames.add(CommandRouter.CELL0);
        cellNames.addAll(properties.cells().keySet());
        List<String> databases = new ArrayList<>(cellNames);
        databases.add(0, API);
        search = SearchRuntime.begin(properties.search(), properties.dataDir(), clock);
        postgres = EmbeddedPostgresServer.start(properties.dataDir().resolve("postgres"), properties.postgresPort(),
                databases);
        for (String cell : cellNames) {
            startCell(cell);
        }
        startAgents();
        openApiTier();
        startScheduler();
        startApiTier();
        seedDefaultFlavors();
        search.startIndexer(schedulerStreams(), api.configuration().getComponent(TokenStore.class),
                api.configuration().getComponent(TransactionManager.class));
        Map<String, String> cellUrls = new LinkedHashMap<>();
        cells.keySet().forEach(name -> cellUrls.put(name, postgres.jdbcUrl(name)));
        storeProbe = new StoreProbe(cellUrls, postgres.user());
        List<ServerSource> sources = new ArrayList<>();
        sources.add(new BuildRequestServerSource(api.jdbc()));
        cells.forEach((name, store) -> sources.add(new CellServerSource(name, store.jdbc(),
                () -> storeProbe.answers(name))));
        listing = new ServerListing(sources, properties.search().enabled()
                ? new IndexedServerListing(search, properties.search().maxLag(), clock) : null);
        Map<String, JdbcTemplate> cellDatabases = new LinkedHashMap<>();
        cells.forEach((name, store) -> cellDatabases.put(name, store.jdbc()));
        instanceActions = new InstanceActions(cellDatabases);
        Map<String, HypervisorType> hypervisors = new LinkedHashMap<>();
        properties.cells().forEach((name, settings) ->
                hypervisors.put(name, HypervisorType.ofDriver(settings.driver())));
        hostListing = new HostListing(cellDatabases, hypervisors, storeProbe::answers);
        Map<String, StreamableMessageSource<TrackedEventMessage<?>>> eventStores = new LinkedHashMap<>();
        eventStores.put(API, api.eventStore());
        cells.forEach((name, store) -> eventStores.put(name, store.eventStore()));
        quotaAudit = new QuotaAudit(eventStores, router);
        log.info("Polycell is up in {} ms: cells {}, {} compute hosts", Duration.between(begin, clock.instant())
                .toMillis(), cells.keySet(), agents.size());
    }

    private void startCell(String cell) {
        StoreRuntime store = StoreRuntime.open(cell, "cell", postgres.jdbcUrl(cell), postgres.user(), CELL_POOL,
                wiring -> {
                    CellTier.configure(wiring.configurer(), new CellIdentity(cell), router, clock,
                            properties.conductor());
                    wiring.configurer().eventProcessing()
                            .registerEventHandler(c -> new InstanceViewProjection(wiring.jdbc()))
                            .registerEventHandler(c -> new HostViewProjection(wiring.jdbc()))
                            .registerEventHandler(c -> new InstanceActionProjection(wiring.jdbc()));
                    hostDirectory.feedFrom(wiring.configurer());
                });
        cells.put(cell, store);
        router.register(cell, store.commandBus());
        store.start();
    }

    private void startAgents() {
        HostDrivers hostDrivers = new HostDrivers(properties.dataDir());
        properties.cells().forEach((cell, settings) -> {
            for (int i = 1; i <= settings.hosts(); i++) {
                String host = cell + "-host" + i;
                ComputeDriver driver = hostDrivers.create(host, settings);
                drivers.put(host, driver);
                agents.put(host, startAgent(host, cell, driver, settings.allocation().policy()));
            }
        });
    }

    private ComputeAgent startAgent(String host, String cell, ComputeDriver driver, AllocationPolicy allocation) {
        ComputeAgent agent = new ComputeAgent(host, cell, driver, new LocalCellLink(cells.get(cell).commandBus()),
                new AgentSettings(2, properties.agent().heartbeatInterval(), properties.agent().syncInterval(), 10,
                        allocation));
        agent.start();
        return agent;
    }

    /**
     * Kills a host's agent as a crash would and starts a new one on the same hypervisor, whose guests
     * outlive the agent: what happens when an agent process dies and is restarted.
     */
    void crashAndRestartAgent(String host) {
        ComputeAgent dead = agents.get(host);
        dead.kill();
        String cell = host.substring(0, host.lastIndexOf("-host"));
        agents.put(host, startAgent(host, cell, drivers.get(host),
                properties.cells().get(cell).allocation().policy()));
    }

    private FilterScheduler newScheduler(HostStates states) {
        return new FilterScheduler(states, List.of(new ComputeFilter(), new AvailabilityZoneFilter(),
                new AggregateExtraSpecsFilter(), new ImagePropertiesFilter(), new RequiredTraitsFilter(),
                new NumInstancesFilter(properties.scheduler().maxInstancesPerHost()), new ServerGroupAffinityFilter(),
                new ServerGroupAntiAffinityFilter(), new SameHostFilter(), new DifferentHostFilter(), new RamFilter(),
                new VcpuFilter(), new DiskFilter()),
                properties.scheduler().weighers());
    }

    /**
     * Each scheduler replica reads every cell's stream and the API tier's (for aggregates) as one
     * source into its own host states, and all must have caught up before anything is placed.
     */
    private void startScheduler() {
        SchedulerSnapshots snapshots = new SchedulerSnapshots(api.jdbc(), AxonSerialization.serializer(), clock);
        Map<String, StreamableMessageSource<TrackedEventMessage<?>>> streams = schedulerStreams();
        int every = properties.scheduler().snapshotEvery();
        Optional<SchedulerSnapshots.Restored> restored = every > 0 ? snapshots.latest()
                .filter(snapshot -> coversExactly(snapshot.position(), streams.keySet())) : Optional.empty();
        snapshotEvents = restored.map(SchedulerSnapshots.Restored::events).orElse(0L);
        restored.ifPresent(snapshot -> log.info("Scheduler replicas start from a snapshot of {} hosts taken after {} "
                + "events, and replay only what came after it", snapshot.states().hosts().size(), snapshot.events()));
        for (HostStates states : replicaStates) {
            restored.ifPresent(snapshot -> states.restore(snapshot.states()));
        }
        for (int i = 0; i < replicaStates.size(); i++) {
            SchedulerFeed.Snapshotting snapshotting = i == 0 && every > 0
                    ? new SchedulerFeed.Snapshotting(snapshots, every, snapshotWriter, snapshotEvents) : null;
            schedulerFeeds.add(SchedulerFeed.start("scheduler-host-states-" + (i + 1), replicaStates.get(i), streams,
                    restored.map(SchedulerSnapshots.Restored::position).orElse(null), snapshotting));
        }
        Instant deadline = clock.instant().plus(SCHEDULER_CATCH_UP);
        while (!schedulerFeeds.stream().allMatch(SchedulerFeed::caughtUp)) {
            if (clock.instant().isAfter(deadline)) {
                throw new IllegalStateException("The scheduler did not catch up with the cells' events within "
                        + SCHEDULER_CATCH_UP);
            }
            sleep(Duration.ofMillis(20));
        }
        log.info("Scheduler caught up: {} replica(s), {} hosts in memory", replicaStates.size(),
                replicaStates.get(0).size());
    }

    /** Every cell's stream and the API tier's (for aggregates and groups), by store name. */
    private Map<String, StreamableMessageSource<TrackedEventMessage<?>>> schedulerStreams() {
        Map<String, StreamableMessageSource<TrackedEventMessage<?>>> streams = new LinkedHashMap<>();
        cells.forEach((cellName, store) -> streams.put(cellName, store.eventStore()));
        streams.put(API, api.eventStore());
        return streams;
    }

    /** A snapshot taken with other cells than now (one added since) is not used: replay instead. */
    private static boolean coversExactly(TrackingToken position, Set<String> stores) {
        if (position instanceof MultiSourceTrackingToken multi && multi.getTrackingTokens().keySet().equals(stores)) {
            return true;
        }
        log.info("The newest scheduler snapshot was taken with other stores than {}; replaying every event", stores);
        return false;
    }

    /**
     * Builds the API tier's store without starting it: the scheduler reads its aggregate events while
     * catching up, and the super-conductor must not place anything before the scheduler has.
     */
    private void openApiTier() {
        api = StoreRuntime.open(API, API, postgres.jdbcUrl(API), postgres.user(), API_POOL, wiring -> {
            flavorView = new FlavorViewProjection(wiring.jdbc());
            buildRequestView = new BuildRequestViewProjection(wiring.jdbc());
            ApiTier.configure(wiring.configurer(), router, scheduler, images, clock, quotaDefaults);
            aggregateDirectory = new JdbcAggregateDirectory(wiring.jdbc());
            ApiTier.registerAggregateDirectory(wiring.configurer(), aggregateDirectory);
            aggregateView = new AggregateViewProjection(wiring.jdbc());
            serverGroupView = new ServerGroupViewProjection(wiring.jdbc());
            wiring.configurer().eventProcessing()
                    .registerEventHandler(c -> aggregateView)
                    .registerEventHandler(c -> serverGroupView);
            wiring.configurer().eventProcessing()
                    .registerEventHandler(c -> buildRequestView)
                    // In the transaction of the command itself: a server is listed as soon as POST answers,
                    // and a flavor or extra spec shows as soon as its POST or PUT answers.
                    .registerSubscribingEventProcessor(BuildRequestViewProjection.GROUP)
                    .registerEventHandler(c -> flavorView)
                    .registerSubscribingEventProcessor(FlavorViewProjection.GROUP);
            keyPairView = new KeyPairViewProjection(wiring.jdbc());
            wiring.configurer().eventProcessing()
                    .registerEventHandler(c -> keyPairView)
                    // Likewise: a key pair is shown as soon as its creation answers, and gone with its deletion.
                    .registerSubscribingEventProcessor(KeyPairViewProjection.GROUP);
        });
    }

    private void startApiTier() {
        router.register(API, api.commandBus());
        api.start();
        janitor.scheduleWithFixedDelay(this::purgeHandedOverBuildRequests, 30, 30, TimeUnit.SECONDS);
    }

    /** Build requests whose cells have listed their instances for a while are only clutter. */
    private void purgeHandedOverBuildRequests() {
        try {
            int purged = buildRequestView.purgeHandedOver(clock.instant().minus(HANDOVER_KEPT));
            if (purged > 0) {
                log.debug("Purged {} build requests handed over to their cells", purged);
            }
        } catch (RuntimeException e) {
            log.warn("Could not purge handed-over build requests: {}", e.getMessage());
        }
    }

    private void seedDefaultFlavors() {
        int created = 0;
        for (FlavorSpec flavor : DefaultFlavors.all()) {
            try {
                Outcomes.await(router.toApi(new CreateFlavor(flavor.id(), flavor)));
                created++;
            } catch (RuntimeException alreadyThere) {
                log.debug("Default flavor {} exists already: {}", flavor.name(), alreadyThere.getMessage());
            }
        }
        if (created > 0) {
            log.info("Created {} default flavors", created);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting", e);
        }
    }

    public CommandRouter router() {
        return router;
    }

    public ImageCatalog images() {
        return images;
    }

    /** The API tier's database, for the few tables that are not views (snapshots, directories). */
    public JdbcTemplate apiJdbc() {
        return api.jdbc();
    }

    /** How many events the snapshot the scheduler replicas started from covered; 0 for a full replay. */
    public long schedulerSnapshotEvents() {
        return snapshotEvents;
    }

    public ServerListing listing() {
        return listing;
    }

    public InstanceActions instanceActions() {
        return instanceActions;
    }

    public HostListing hostListing() {
        return hostListing;
    }

    /** The command side's lookup of which cell holds a host, fed by every cell's host events. */
    public HostDirectory hostDirectory() {
        return hostDirectory;
    }

    /** The quotas of projects without their own. */
    public QuotaDefaults quotaDefaults() {
        return quotaDefaults;
    }

    /** The check of every project's quota against its usage recomputed from the events. */
    public QuotaAudit quotaAudit() {
        return quotaAudit;
    }

    public FlavorViewProjection flavorView() {
        return flavorView;
    }

    public AggregateViewProjection aggregateView() {
        return aggregateView;
    }

    public ServerGroupViewProjection serverGroupView() {
        return serverGroupView;
    }

    public KeyPairViewProjection keyPairView() {
        return keyPairView;
    }

    /** The command side's lookup of aggregates, which also hands out their ids. */
    public JdbcAggregateDirectory aggregateDirectory() {
        return aggregateDirectory;
    }

    /** Whether every scheduler replica has caught up with the streams it reads. */
    public boolean schedulerReady() {
        return !schedulerFeeds.isEmpty() && schedulerFeeds.stream().allMatch(SchedulerFeed::caughtUp);
    }

    /** Each scheduler replica: whether it has caught up, and how many hosts it knows. */
    public List<Map<String, Object>> schedulerStatus() {
        List<Map<String, Object>> replicas = new ArrayList<>();
        for (int i = 0; i < schedulerFeeds.size(); i++) {
            Map<String, Object> replica = new LinkedHashMap<>();
            replica.put("replica", i + 1);
            replica.put("caught_up", SchedulerFeed.caughtUp(schedulerFeeds.get(i)));
            replica.put("hosts", replicaStates.get(i).size());
            replica.put("started_from_snapshot_of_events", snapshotEvents);
            replicas.add(replica);
        }
        return replicas;
    }

    /** The cells that take servers, in configuration order (cell0 is not one of them). */
    public List<String> cellNames() {
        return List.copyOf(properties.cells().keySet());
    }

    /** How the super-conductor's placements went since the start: placed, refused claims, no valid host. */
    public Map<String, Long> placementCounts() {
        return api.configuration().getComponent(PlacementTally.class).counts();
    }

    /** Whether each scheduler replica has caught up, replica by replica. */
    public List<Boolean> schedulerReplicasCaughtUp() {
        return schedulerFeeds.stream().map(SchedulerFeed::caughtUp).toList();
    }

    /** The host states of the first scheduler replica. */
    public HostStates hostStates() {
        return replicaStates.get(0);
    }

    /** The host states of every scheduler replica, in order: each replica's own view. */
    public List<HostStates> replicaHostStates() {
        return List.copyOf(replicaStates);
    }

    /** A host's driver in the embedded default, for tests that act behind the agent's back. */
    ComputeDriver driver(String host) {
        return drivers.get(host);
    }

    /** The search index: its node, indexer and lag; off unless {@code polycell.search.enabled}. */
    public SearchRuntime search() {
        return search;
    }

    /** Which cells' databases answered their last probe, by cell. */
    public Map<String, Boolean> cellStores() {
        return storeProbe == null ? Map.of() : new java.util.TreeMap<>(storeProbe.states());
    }

    /** The embedded PostgreSQL server's JDBC URL for {@code database}, for tests that act on it directly. */
    String databaseUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    /** The embedded PostgreSQL server's user. */
    String databaseUser() {
        return postgres.user();
    }

    /** A store's runtime by name ({@code api} or a cell), for operators' tools and tests. */
    public StoreRuntime store(String name) {
        return API.equals(name) ? api : cells.get(name);
    }

    @Override
    public void close() {
        log.info("Polycell is stopping");
        janitor.shutdownNow();
        if (storeProbe != null) {
            storeProbe.close();
        }
        schedulerFeeds.forEach(TrackingEventProcessor::shutDown);
        awaitSnapshotWriter();
        if (search != null) {
            search.close();
        }
        closeQuietly(api);
        agents.values().forEach(ComputeAgent::close);
        drivers.values().stream().filter(AutoCloseable.class::isInstance).forEach(Polycell::closeDriver);
        List<StoreRuntime> reversed = new ArrayList<>(cells.values());
        Collections.reverse(reversed);
        reversed.forEach(Polycell::closeQuietly);
        if (postgres != null) {
            postgres.close();
        }
        log.info("Polycell is stopped");
    }

    /** A snapshot being saved is finished before the API database closes under it. */
    private void awaitSnapshotWriter() {
        snapshotWriter.shutdown();
        try {
            if (!snapshotWriter.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("A scheduler snapshot was still being saved after 30 s; it is abandoned");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeDriver(ComputeDriver driver) {
        try {
            ((AutoCloseable) driver).close();
        } catch (Exception e) {
            log.warn("The {} driver did not close cleanly: {}", driver.name(), e.getMessage());
        }
    }

    private static void closeQuietly(StoreRuntime store) {
        if (store == null) {
            return;
        }
        try {
            store.close();
        } catch (RuntimeException e) {
            log.warn("Store {} did not stop cleanly: {}", store.name(), e.getMessage());
        }
    }
}
