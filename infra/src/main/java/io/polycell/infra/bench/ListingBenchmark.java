package io.polycell.infra.bench;

import ch.qos.logback.classic.Level;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.indices.SegmentSortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import io.polycell.command.flavor.DefaultFlavors;
import io.polycell.infra.Polycell;
import io.polycell.infra.PolycellProperties;
import io.polycell.infra.PolycellProperties.CellProperties;
import io.polycell.infra.PolycellProperties.SearchProperties;
import io.polycell.infra.search.IndexedServerListing;
import io.polycell.infra.store.StoreRuntime;
import io.polycell.messages.common.Requester;
import io.polycell.messages.flavor.FlavorSpec;
import io.polycell.messages.image.ImageSpec;
import io.polycell.messages.instance.InstanceCreated;
import io.polycell.messages.instance.InstanceSpawned;
import io.polycell.messages.instance.InstanceSpec;
import io.polycell.messages.instance.NetworkSpec;
import io.polycell.messages.instance.PowerState;
import io.polycell.messages.listing.Deletion;
import io.polycell.messages.listing.ServerField;
import io.polycell.messages.listing.ServerQuery;
import io.polycell.messages.listing.SortKey;
import io.polycell.query.server.CellServerSource;
import io.polycell.query.server.ListingPath;
import io.polycell.query.server.ServerListing;
import io.polycell.query.server.ServerPage;
import io.polycell.query.server.ServerRow;
import io.polycell.searchlight.index.SearchIndexFeed;
import io.polycell.searchlight.index.ServerDocument;
import io.polycell.searchlight.index.ServerIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listing latency over many servers in two cells, from the search index against the merge of the cells'
 * views. Starts Polycell embedded (search on, cells cell1 and cell2 with a few fake hosts), fills the
 * cells' event stores with the events a server's life in its cell produces ({@code InstanceCreated},
 * then {@code InstanceSpawned} on its host, aggregate {@code Instance} sequence 0 and 1), waits until
 * the instance views and the index have caught up, then times {@link ServerListing#list} (answered from
 * the index) against {@link ServerListing#page} (always the merge) for pages of 1000:
 *
 * <ul>
 *   <li>the first page and pages at random markers in Nova's default order (created_at desc, id desc);</li>
 *   <li>the first page and random pages sorted by name (sort_key=display_name, sort_dir=asc);</li>
 *   <li>the first page of a name filter ({@code name=^db-0}, about 2% of the servers).</li>
 * </ul>
 *
 * Before timing it pages through the whole list both ways, in both orders, and fails unless every page
 * has the same ids both ways and the whole list is the servers written, in order. After timing it
 * breaks the default first page down into its parts (readiness check, search, Elasticsearch's own
 * {@code took} with and without {@code _source}, one cell's SQL page), then tries the same search on a
 * copy of the index sorted on disk by the default order and on the live index force-merged into one
 * segment: experiments, not what the system does.
 *
 * <p>The cell conductors' processors are paused while the stores are filled and moved past the written
 * events before the measurement: the servers are past their builds, as in a system that has run for a
 * while; no guest is spawned for them.
 *
 * <pre>
 *   java -Xmx2g -cp infra/target/polycell.jar -Dloader.main=io.polycell.infra.bench.ListingBenchmark \
 *       org.springframework.boot.loader.launch.PropertiesLauncher --servers 100000 [--data-dir DIR] \
 *       [--iterations 200] [--warmup 50] [--hosts 4] [--projects 10] [--seed 1]
 * </pre>
 * Without {@code --data-dir} the data lives in a temporary directory that is deleted afterwards; a
 * given directory must be empty or absent and is kept. Prints progress, a report and one
 * {@code RESULT key=value ...} line. Exit status 1 when a check fails or a listing did not come from
 * the index.
 */
public final class ListingBenchmark {

    private static final int LIMIT = 1000;
    private static final int WRITE_BATCH = 2_000;
    /** How many servers of a cell are between creation and spawn at once: their events interleave. */
    private static final int IN_FLIGHT = 20;
    private static final long CREATED_EVERY_MILLIS = 2_000;
    private static final Duration PROGRESS = Duration.ofSeconds(5);
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(60);
    private static final List<String> CELLS = List.of("cell1", "cell2");
    private static final List<String> ROLES = List.of("web", "db", "cache", "worker", "batch");
    private static final String NAME_FILTER = "^db-0";
    private static final Requester ADMIN = new Requester("admin", "admin", true);
    private static final List<SortKey> BY_NAME = List.of(new SortKey(ServerField.NAME, false),
            new SortKey(ServerField.CREATED_AT, false), new SortKey(ServerField.ID, false));

    private final Settings settings;
    private final Polycell polycell;
    private final ServerListing listing;
    private final Random random;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Integer> perCell = new LinkedHashMap<>();
    /** How many written servers the name filter selects. */
    private int filterMatches;
    private int indexFallbacks;

    private ListingBenchmark(Settings settings, Polycell polycell) {
        this.settings = settings;
        this.polycell = polycell;
        this.listing = polycell.listing();
        this.random = new Random(settings.seed());
    }

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        // The scheduler's feeds keep their positions in memory on purpose (as in application.properties).
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.axonframework.eventhandling.tokenstore.inmemory"))
                .setLevel(Level.ERROR);
        Settings settings = Settings.parse(args);
        Path dataDir = settings.dataDir() != null ? settings.dataDir()
                : Files.createTempDirectory("polycell-listing-bench-");
        if (Files.isDirectory(dataDir)) {
            try (Stream<Path> entries = Files.list(dataDir)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("--data-dir must be empty or absent: " + dataDir);
                }
            }
        }
        System.out.printf(Locale.ROOT, "Listing benchmark: %,d servers in %s, %d hosts per cell, %d projects, "
                        + "pages of %d, %d warm-up and %d timed iterations per case; data in %s%n", settings.servers(),
                CELLS, settings.hosts(), settings.projects(), LIMIT, settings.warmup(), settings.iterations(), dataDir);
        long startNanos = System.nanoTime();
        int exit;
        try (Polycell polycell = Polycell.start(properties(settings, dataDir), Clock.systemUTC())) {
            System.out.printf(Locale.ROOT, "Polycell up in %.1f s%n", (System.nanoTime() - startNanos) / 1e9);
            exit = new ListingBenchmark(settings, polycell).run();
        } finally {
            if (settings.dataDir() == null) {
                deleteRecursively(dataDir);
            }
        }
        System.out.flush();
        System.exit(exit);
    }

    private static PolycellProperties properties(Settings settings, Path dataDir) {
        Map<String, CellProperties> cells = new LinkedHashMap<>();
        for (String cell : CELLS) {
            cells.put(cell, new CellProperties(settings.hosts(), null, null, null, null, null, null, null, null, null,
                    null));
        }
        SearchProperties search = new SearchProperties(true, null, null, null, null, null, null, null, null, null);
        return new PolycellProperties(dataDir, 0, cells, null, null, null, null, null, search);
    }

    private int run() throws Exception {
        SearchIndexFeed feed = awaitFeed();
        List<String> paused = new ArrayList<>();
        for (String cell : CELLS) {
            paused.addAll(pauseConductors(polycell.store(cell)));
        }
        long fillStart = System.nanoTime();
        List<String> created = fill(feed);
        double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
        double caughtUpSeconds = awaitCaughtUp(feed, fillStart);
        for (String cell : CELLS) {
            resumeConductorsAtHead(polycell.store(cell));
        }
        System.out.printf(Locale.ROOT, "Conductor processors %s moved past the written events and started again%n",
                paused);

        List<String> newestFirst = new ArrayList<>(created);
        Collections.reverse(newestFirst);
        List<String> defaultOrder = walkBothWays("default order", ServerQuery.page(null, null, LIMIT));
        expect(defaultOrder.equals(newestFirst), "the default order lists the written servers newest first");
        List<String> nameOrder = walkBothWays("by name", byName(null));
        expect(nameOrder.size() == settings.servers() && new HashSet<>(nameOrder).size() == settings.servers(),
                "the order by name lists every server once");
        ServerPage filtered = listing.list(ADMIN, nameFilter());
        expect(filtered.rows().size() == Math.min(LIMIT, filterMatches), "the name filter " + NAME_FILTER
                + " selects " + Math.min(LIMIT, filterMatches) + " servers for the first page (got "
                + filtered.rows().size() + ")");
        expect(ids(filtered.rows()).equals(ids(listing.page(ADMIN, nameFilter()))),
                "the name filter's first page is the same both ways");

        Map<String, Case> cases = new LinkedHashMap<>();
        cases.put("default, first page", timed(i -> ServerQuery.page(null, null, LIMIT)));
        cases.put("default, random marker", timed(i -> ServerQuery.page(null, randomMarker(defaultOrder), LIMIT)));
        cases.put("by name, first page", timed(i -> byName(null)));
        cases.put("by name, random marker", timed(i -> byName(randomMarker(nameOrder))));
        cases.put("name filter, first page", timed(i -> nameFilter()));

        breakdown();
        experiments();
        report(cases, fillSeconds, caughtUpSeconds);
        return problems.isEmpty() && indexFallbacks == 0 ? 0 : 1;
    }

    private SearchIndexFeed awaitFeed() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (polycell.search().feed() == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The search index was not set up within 5 minutes");
            }
            Thread.sleep(100);
        }
        return polycell.search().feed();
    }

    /** Stops the cell conductors' processors (spawn, action, delete sagas); returns their names. */
    private static List<String> pauseConductors(StoreRuntime store) {
        List<String> names = new ArrayList<>();
        store.configuration().eventProcessingConfiguration().eventProcessors().forEach((name, processor) -> {
            if (name.endsWith("SagaProcessor")) {
                processor.shutDown();
                names.add(store.name() + "/" + name);
            }
        });
        return names;
    }

    /** Moves the paused conductors' positions to the store's head, so they never see the written events. */
    private static void resumeConductorsAtHead(StoreRuntime store) {
        TokenStore tokens = store.configuration().getComponent(TokenStore.class);
        TransactionManager transactions = store.configuration().getComponent(TransactionManager.class);
        Map<String, EventProcessor> processors = store.configuration().eventProcessingConfiguration().eventProcessors();
        processors.forEach((name, processor) -> {
            if (!name.endsWith("SagaProcessor")) {
                return;
            }
            transactions.executeInTransaction(() -> {
                TrackingToken head = store.eventStore().createHeadToken();
                for (int segment : tokens.fetchSegments(name)) {
                    tokens.storeToken(head, name, segment);
                    tokens.releaseClaim(name, segment);
                }
            });
            processor.start();
        });
    }

    /**
     * Writes the servers into the cells' event stores, oldest first, a created_at two seconds apart
     * (with jitter); returns their ids in creation order. Prints progress every few seconds.
     */
    private List<String> fill(SearchIndexFeed feed) {
        int servers = settings.servers();
        List<FlavorSpec> flavors = DefaultFlavors.all();
        List<ImageSpec> images = polycell.images().all();
        Instant first = Instant.now().minusMillis(servers * CREATED_EVERY_MILLIS).truncatedTo(ChronoUnit.SECONDS);
        Map<String, List<EventMessage<?>>> batches = new LinkedHashMap<>();
        Map<String, Deque<InstanceSpawned>> spawning = new LinkedHashMap<>();
        Pattern filter = Pattern.compile(NAME_FILTER, Pattern.CASE_INSENSITIVE);
        CELLS.forEach(cell -> {
            batches.put(cell, new ArrayList<>(WRITE_BATCH + 2));
            spawning.put(cell, new ArrayDeque<>());
            perCell.put(cell, 0);
        });
        List<String> ids = new ArrayList<>(servers);
        long started = System.nanoTime();
        long nextProgress = started + PROGRESS.toNanos();
        for (int k = 0; k < servers; k++) {
            String cell = CELLS.get(random.nextInt(CELLS.size()));
            String id = UUID.randomUUID().toString();
            ids.add(id);
            perCell.merge(cell, 1, Integer::sum);
            int project = random.nextInt(settings.projects());
            String role = ROLES.get(random.nextInt(ROLES.size()));
            Instant createdAt = first.plusMillis(k * CREATED_EVERY_MILLIS + random.nextInt((int) CREATED_EVERY_MILLIS));
            String name = String.format(Locale.ROOT, "%s-%06d", role, random.nextInt(1_000_000));
            if (filter.matcher(name).find()) {
                filterMatches++;
            }
            InstanceSpec spec = new InstanceSpec(id, name, String.format(Locale.ROOT, "project-%02d", project),
                    String.format(Locale.ROOT, "user-%02d-%d", project, random.nextInt(3)),
                    flavors.get(random.nextInt(flavors.size())), images.get(random.nextInt(images.size())),
                    Map.of("role", role, "env", random.nextInt(4) == 0 ? "staging" : "production"), NetworkSpec.AUTO,
                    null, null, null, createdAt);
            String host = cell + "-host" + (1 + random.nextInt(settings.hosts()));
            List<EventMessage<?>> batch = batches.get(cell);
            batch.add(new GenericDomainEventMessage<>("Instance", id, 0, new InstanceCreated(id, cell, host, spec)));
            Deque<InstanceSpawned> pending = spawning.get(cell);
            pending.add(new InstanceSpawned(id, host, PowerState.RUNNING,
                    createdAt.plusMillis(800 + random.nextInt(1500))));
            if (pending.size() > IN_FLIGHT) {
                batch.add(spawned(pending.poll()));
            }
            if (batch.size() >= WRITE_BATCH) {
                polycell.store(cell).eventStore().publish(batch);
                batch.clear();
            }
            if (System.nanoTime() > nextProgress) {
                nextProgress += PROGRESS.toNanos();
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf(Locale.ROOT, "  %5.0f s: written %,d of %,d servers (%,.0f/s); index: %,d events "
                        + "read, %,d document writes%n", seconds, k + 1, servers, (k + 1) / seconds,
                        feed.indexer().eventsRead(), feed.indexer().written());
            }
        }
        for (String cell : CELLS) {
            List<EventMessage<?>> batch = batches.get(cell);
            spawning.get(cell).forEach(spawn -> batch.add(spawned(spawn)));
            if (!batch.isEmpty()) {
                polycell.store(cell).eventStore().publish(batch);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "Wrote %,d servers (%,d events) in %.1f s (%,.0f servers/s): %s%n", servers,
                2L * servers, seconds, servers / seconds, perCell);
        return ids;
    }

    private static EventMessage<?> spawned(InstanceSpawned event) {
        return new GenericDomainEventMessage<>("Instance", event.instanceId(), 1, event);
    }

    /** Waits until every cell's view has its servers ACTIVE and the index holds them all; seconds since the fill began. */
    private double awaitCaughtUp(SearchIndexFeed feed, long fillStart) throws Exception {
        long deadline = System.nanoTime() + CATCH_UP_TIMEOUT.toNanos();
        long viewsDone = 0;
        long indexDone = 0;
        while (viewsDone == 0 || indexDone == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not caught up within " + CATCH_UP_TIMEOUT);
            }
            Map<String, Long> active = new LinkedHashMap<>();
            boolean views = true;
            for (String cell : CELLS) {
                Long count = polycell.store(cell).jdbc().queryForObject(
                        "SELECT count(*) FROM instance_view WHERE launched_at IS NOT NULL", Long.class);
                active.put(cell, count);
                views &= count != null && count == perCell.get(cell).longValue();
            }
            if (views && viewsDone == 0) {
                viewsDone = System.nanoTime();
            }
            boolean index = feed.reachedHead() && documents() == settings.servers();
            if (index && indexDone == 0) {
                indexDone = System.nanoTime();
            }
            System.out.printf(Locale.ROOT, "  %5.0f s: views ACTIVE %s; index: %,d events read, %,d document writes, "
                            + "caught up %s%n", (System.nanoTime() - fillStart) / 1e9, active,
                    feed.indexer().eventsRead(), feed.indexer().written(), index);
            if (viewsDone == 0 || indexDone == 0) {
                Thread.sleep(PROGRESS.toMillis());
            }
        }
        System.out.printf(Locale.ROOT, "Caught up after the fill began: views in %.1f s, index in %.1f s%n",
                (viewsDone - fillStart) / 1e9, (indexDone - fillStart) / 1e9);
        return (Math.max(viewsDone, indexDone) - fillStart) / 1e9;
    }

    private long documents() throws IOException {
        ElasticsearchClient client = polycell.search().index().client();
        String alias = polycell.search().index().alias();
        client.indices().refresh(r -> r.index(alias));
        return client.count(c -> c.index(alias)).count();
    }

    /**
     * Pages through the whole listing of {@code first} from the index and by merge sort, comparing each
     * page's ids; returns the ids in order.
     */
    private List<String> walkBothWays(String what, ServerQuery first) {
        long start = System.nanoTime();
        List<String> all = new ArrayList<>();
        String marker = null;
        int pages = 0;
        while (true) {
            ServerQuery query = first.withMarker(marker);
            ServerPage fromIndex = listing.list(ADMIN, query);
            if (fromIndex.path() != ListingPath.INDEX) {
                indexFallbacks++;
            }
            List<String> indexIds = ids(fromIndex.rows());
            List<String> mergedIds = ids(listing.page(ADMIN, query));
            if (!indexIds.equals(mergedIds)) {
                throw new IllegalStateException("Listing " + what + ", page " + (pages + 1) + " after marker " + marker
                        + ": the index and the merge give different ids (" + indexIds.size() + " and "
                        + mergedIds.size() + " rows)");
            }
            pages++;
            all.addAll(indexIds);
            if (indexIds.size() < LIMIT) {
                break;
            }
            marker = indexIds.get(indexIds.size() - 1);
        }
        expect(all.size() == settings.servers(), "listing " + what + " gives every server (got " + all.size() + ")");
        System.out.printf(Locale.ROOT, "Checked listing %s: %d pages, %,d servers, the same ids both ways (%.1f s)%n",
                what, pages, all.size(), (System.nanoTime() - start) / 1e9);
        return all;
    }

    /** Times the index and the merge on the same queries, alternating which goes first. */
    private Case timed(Function<Integer, ServerQuery> queries) {
        Case measured = new Case();
        for (int i = 0; i < settings.warmup() + settings.iterations(); i++) {
            ServerQuery query = queries.apply(i);
            boolean record = i >= settings.warmup();
            if (i % 2 == 0) {
                timeIndex(query, record ? measured.index() : null);
                timeMerge(query, record ? measured.merge() : null);
            } else {
                timeMerge(query, record ? measured.merge() : null);
                timeIndex(query, record ? measured.index() : null);
            }
        }
        return measured;
    }

    private void timeIndex(ServerQuery query, LatencySamples samples) {
        long start = System.nanoTime();
        ServerPage page = listing.list(ADMIN, query);
        long elapsed = System.nanoTime() - start;
        if (page.path() != ListingPath.INDEX) {
            indexFallbacks++;
            return;
        }
        if (samples != null) {
            samples.add(elapsed);
        }
    }

    private void timeMerge(ServerQuery query, LatencySamples samples) {
        long start = System.nanoTime();
        List<ServerRow> rows = listing.page(ADMIN, query);
        long elapsed = System.nanoTime() - start;
        if (rows.isEmpty()) {
            problems.add("an empty merged page");
        }
        if (samples != null) {
            samples.add(elapsed);
        }
    }

    /**
     * Where the time of the default first page goes, each part timed alone: the index's readiness check
     * (it asks every store for its head), the search through the listing's reader of the index (refresh
     * if written, search, documents to rows), the same search by hand with Elasticsearch's own
     * {@code took}, and one cell's share of the merge (its SQL page).
     */
    private void breakdown() throws IOException {
        IndexedServerListing reader = new IndexedServerListing(polycell.search(), Duration.ofSeconds(10),
                Clock.systemUTC());
        ElasticsearchClient client = polycell.search().index().client();
        String alias = polycell.search().index().alias();
        CellServerSource cell1 = new CellServerSource("cell1", polycell.store("cell1").jdbc());
        ServerQuery first = ServerQuery.page(null, null, LIMIT);
        LatencySamples ready = new LatencySamples();
        LatencySamples search = new LatencySamples();
        LatencySamples roundTrip = new LatencySamples();
        LatencySamples took = new LatencySamples();
        LatencySamples cellPage = new LatencySamples();
        LatencySamples whole = new LatencySamples();
        LatencySamples bareTook = new LatencySamples();
        LatencySamples bareRoundTrip = new LatencySamples();
        LatencySamples byNameTook = new LatencySamples();
        for (int i = 0; i < settings.warmup() + settings.iterations(); i++) {
            boolean record = i >= settings.warmup();
            long start = System.nanoTime();
            boolean isReady = reader.ready();
            long readyDone = System.nanoTime();
            List<ServerRow> rows = reader.page(first, null, LIMIT);
            long searchDone = System.nanoTime();
            SearchResponse<ServerDocument> response = client.search(r -> r.index(alias).size(LIMIT)
                    .trackTotalHits(t -> t.enabled(false))
                    .query(q -> q.bool(b -> b.mustNot(m -> m.exists(e -> e.field("deleted_at")))))
                    .sort(o -> o.field(f -> f.field("created_at").order(SortOrder.Desc)))
                    .sort(o -> o.field(f -> f.field("id").order(SortOrder.Desc))), ServerDocument.class);
            long handDone = System.nanoTime();
            List<ServerRow> cellRows = cell1.page(first, null, LIMIT + 16);
            long cellDone = System.nanoTime();
            ServerPage page = listing.list(ADMIN, first);
            long wholeDone = System.nanoTime();
            SearchResponse<JsonData> bare = client.search(r -> r.index(alias).size(LIMIT).source(c -> c.fetch(false))
                    .trackTotalHits(t -> t.enabled(false))
                    .query(q -> q.bool(b -> b.mustNot(m -> m.exists(e -> e.field("deleted_at")))))
                    .sort(o -> o.field(f -> f.field("created_at").order(SortOrder.Desc)))
                    .sort(o -> o.field(f -> f.field("id").order(SortOrder.Desc))), JsonData.class);
            long bareDone = System.nanoTime();
            SearchResponse<ServerDocument> named = client.search(r -> r.index(alias).size(LIMIT)
                    .trackTotalHits(t -> t.enabled(false))
                    .query(q -> q.bool(b -> b.mustNot(m -> m.exists(e -> e.field("deleted_at")))))
                    .sort(o -> o.field(f -> f.field("name").order(SortOrder.Asc)))
                    .sort(o -> o.field(f -> f.field("created_at").order(SortOrder.Asc)))
                    .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc))), ServerDocument.class);
            if (page.path() != ListingPath.INDEX) {
                indexFallbacks++;
            }
            if (!isReady || rows.size() != LIMIT || response.hits().hits().size() != LIMIT || cellRows.isEmpty()) {
                problems.add("breakdown: the index was not ready or a page was short");
            }
            if (record) {
                ready.add(readyDone - start);
                search.add(searchDone - readyDone);
                roundTrip.add(handDone - searchDone);
                took.add(TimeUnit.MILLISECONDS.toNanos(response.took()));
                cellPage.add(cellDone - handDone);
                whole.add(wholeDone - cellDone);
                bareRoundTrip.add(bareDone - wholeDone);
                bareTook.add(TimeUnit.MILLISECONDS.toNanos(bare.took()));
                byNameTook.add(TimeUnit.MILLISECONDS.toNanos(named.took()));
            }
        }
        System.out.println();
        System.out.println("Where the time of the default first page goes (each part alone):");
        System.out.println("  the whole listing on the index   " + whole.line());
        System.out.println("  index ready (stores' heads)      " + ready.line());
        System.out.println("  index search, documents to rows  " + search.line());
        System.out.println("  same search by hand, round trip  " + roundTrip.line());
        System.out.println("  same search, Elasticsearch took  " + took.line());
        System.out.println("  same without _source, round trip " + bareRoundTrip.line());
        System.out.println("  same without _source, took       " + bareTook.line());
        System.out.println("  sorted by name instead, took     " + byNameTook.line());
        System.out.println("  one cell's SQL page (1016 rows)  " + cellPage.line());
        long indexBytes = client.indices().stats(r -> r.index(alias)).all().primaries().store().sizeInBytes();
        StringBuilder views = new StringBuilder();
        for (String cell : CELLS) {
            Long bytes = polycell.store(cell).jdbc().queryForObject("SELECT pg_total_relation_size('instance_view')",
                    Long.class);
            views.append(String.format(Locale.ROOT, " %s %.1f MB", cell, bytes / 1e6));
        }
        System.out.printf(Locale.ROOT, "Storage: the index %.1f MB; instance_view with its indexes:%s%n",
                indexBytes / 1e6, views);
    }

    /**
     * Two experiments on Nova's default order from the index, after everything else is measured: the same
     * documents copied into an index sorted on disk by that order (created_at desc, id desc), which the
     * system does not do; then the live index force-merged into one segment. Each reports Elasticsearch's
     * {@code took} for the first page without {@code _source}, and with it through the round trip.
     */
    private void experiments() throws Exception {
        ElasticsearchClient client = polycell.search().index().client();
        String alias = polycell.search().index().alias();
        System.out.println();
        System.out.printf(Locale.ROOT, "Experiments on the default order's first page (%d iterations each):%n",
                settings.iterations());
        System.out.printf(Locale.ROOT, "  live index, %d segments%n", segments(client, alias));
        timeDefaultOrder(client, alias, "  live index as measured above  ");
        String sorted = "bench-sorted-servers";
        try {
            client.indices().create(c -> c.index(sorted).mappings(ServerIndex.mapping())
                    .settings(x -> x.numberOfShards("1").numberOfReplicas("0")
                            .sort(o -> o.field("created_at", "id").order(SegmentSortOrder.Desc, SegmentSortOrder.Desc))));
            copy(client, alias, sorted);
            client.indices().refresh(r -> r.index(sorted));
            long copied = client.count(c -> c.index(sorted)).count();
            System.out.printf(Locale.ROOT, "  index sorted on disk (copy of %,d documents), %d segments%n", copied,
                    segments(client, sorted));
            timeDefaultOrder(client, sorted, "  index sorted on disk          ");
            client.indices().delete(d -> d.index(sorted));
        } catch (IOException | RuntimeException e) {
            System.out.println("  the sorted index could not be made: " + e.getMessage());
        }
        client.indices().forcemerge(f -> f.index(alias).maxNumSegments(1L).waitForCompletion(true));
        client.indices().refresh(r -> r.index(alias));
        System.out.printf(Locale.ROOT, "  live index force-merged, %d segment(s)%n", segments(client, alias));
        timeDefaultOrder(client, alias, "  live index in one segment     ");
    }

    /** Copies every document by pages in id order (the embedded node has no reindex module). */
    private static void copy(ElasticsearchClient client, String from, String to) throws IOException {
        List<FieldValue> after = new ArrayList<>();
        while (true) {
            SearchResponse<JsonData> page = client.search(r -> {
                r.index(from).size(LIMIT).trackTotalHits(t -> t.enabled(false))
                        .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
                return after.isEmpty() ? r : r.searchAfter(after);
            }, JsonData.class);
            List<Hit<JsonData>> hits = page.hits().hits();
            if (hits.isEmpty()) {
                return;
            }
            BulkRequest.Builder bulk = new BulkRequest.Builder();
            hits.forEach(hit -> bulk.operations(o -> o.index(i -> i.index(to).id(hit.id()).document(hit.source()))));
            if (client.bulk(bulk.build()).errors()) {
                throw new IllegalStateException("the copy into " + to + " was refused");
            }
            after.clear();
            after.addAll(hits.get(hits.size() - 1).sort());
        }
    }

    private static long segments(ElasticsearchClient client, String index) throws IOException {
        return client.indices().stats(r -> r.index(index)).all().primaries().segments().count();
    }

    private void timeDefaultOrder(ElasticsearchClient client, String index, String label) throws IOException {
        LatencySamples bareTook = new LatencySamples();
        LatencySamples roundTrip = new LatencySamples();
        for (int i = 0; i < settings.warmup() + settings.iterations(); i++) {
            SearchResponse<JsonData> bare = client.search(defaultOrder(index, false), JsonData.class);
            long start = System.nanoTime();
            SearchResponse<ServerDocument> full = client.search(defaultOrder(index, true), ServerDocument.class);
            long done = System.nanoTime();
            if (bare.hits().hits().size() != LIMIT || full.hits().hits().size() != LIMIT) {
                problems.add("experiment on " + index + ": a short page");
            }
            if (i >= settings.warmup()) {
                bareTook.add(TimeUnit.MILLISECONDS.toNanos(bare.took()));
                roundTrip.add(done - start);
            }
        }
        System.out.println(label + "took, no _source     " + bareTook.line());
        System.out.println(label + "round trip, _source  " + roundTrip.line());
    }

    private static SearchRequest defaultOrder(String index, boolean source) {
        return SearchRequest.of(r -> r.index(index).size(LIMIT)
                .source(c -> c.fetch(source)).trackTotalHits(t -> t.enabled(false))
                .query(q -> q.bool(b -> b.mustNot(m -> m.exists(e -> e.field("deleted_at")))))
                .sort(o -> o.field(f -> f.field("created_at").order(SortOrder.Desc)))
                .sort(o -> o.field(f -> f.field("id").order(SortOrder.Desc))));
    }

    /** A server whose page after it is a full one. */
    private String randomMarker(List<String> order) {
        int last = order.size() - LIMIT - 1;
        return order.get(LIMIT - 1 + random.nextInt(Math.max(1, last - (LIMIT - 1))));
    }

    private static ServerQuery byName(String marker) {
        return new ServerQuery(null, null, null, Set.of(), null, null, null, null, null, Deletion.LIVE, BY_NAME, marker,
                LIMIT);
    }

    private static ServerQuery nameFilter() {
        return new ServerQuery(null, null, NAME_FILTER, Set.of(), null, null, null, null, null, Deletion.LIVE,
                ServerQuery.DEFAULT_ORDER, null, LIMIT);
    }

    private static List<String> ids(List<ServerRow> rows) {
        return rows.stream().map(ServerRow::id).toList();
    }

    private void expect(boolean holds, String what) {
        if (!holds) {
            problems.add(what);
            System.out.println("CHECK FAILED: " + what);
        }
    }

    private void report(Map<String, Case> cases, double fillSeconds, double caughtUpSeconds) {
        System.out.println();
        System.out.printf(Locale.ROOT, "Results: %,d servers in 2 cells, limit=%d, admin listing every project, "
                + "%d timed iterations per case%n", settings.servers(), LIMIT, settings.iterations());
        cases.forEach((name, measured) -> {
            System.out.printf(Locale.ROOT, "  %-26s index  %s%n", name, measured.index().line());
            System.out.printf(Locale.ROOT, "  %-26s merge  %s%n", "", measured.merge().line());
        });
        System.out.println("  listings that fell back to the merge when the index was asked: " + indexFallbacks);
        problems.forEach(problem -> System.out.println("  PROBLEM: " + problem));
        StringBuilder result = new StringBuilder(String.format(Locale.ROOT,
                "RESULT servers=%d cells=2 limit=%d iterations=%d fill_s=%.1f caught_up_s=%.1f", settings.servers(),
                LIMIT, settings.iterations(), fillSeconds, caughtUpSeconds));
        String[] keys = {"first", "random", "name_first", "name_random", "filter_first"};
        int k = 0;
        for (Case measured : cases.values()) {
            String key = keys[k++];
            result.append(String.format(Locale.ROOT, " index_%1$s_p50_ms=%2$.1f index_%1$s_p99_ms=%3$.1f"
                            + " merge_%1$s_p50_ms=%4$.1f merge_%1$s_p99_ms=%5$.1f", key, measured.index().millis(50),
                    measured.index().millis(99), measured.merge().millis(50), measured.merge().millis(99)));
        }
        result.append(" index_fallbacks=").append(indexFallbacks).append(" checks=")
                .append(problems.isEmpty() ? "ok" : "failed");
        System.out.println(result);
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete " + dir + ": " + e.getMessage());
        }
    }

    private record Case(LatencySamples index, LatencySamples merge) {
        Case() {
            this(new LatencySamples(), new LatencySamples());
        }
    }

    private record Settings(int servers, Path dataDir, int iterations, int warmup, int hosts, int projects, long seed) {

        static Settings parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (!arg.startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("usage: ListingBenchmark [--servers N] [--data-dir DIR] "
                            + "[--iterations N] [--warmup N] [--hosts N] [--projects N] [--seed N]; got " + arg);
                }
                values.put(arg.substring(2), args[++i]);
            }
            Settings settings = new Settings(Integer.parseInt(values.getOrDefault("servers", "100000")),
                    values.containsKey("data-dir") ? Path.of(values.get("data-dir")) : null,
                    Integer.parseInt(values.getOrDefault("iterations", "200")),
                    Integer.parseInt(values.getOrDefault("warmup", "50")),
                    Integer.parseInt(values.getOrDefault("hosts", "4")),
                    Integer.parseInt(values.getOrDefault("projects", "10")),
                    Long.parseLong(values.getOrDefault("seed", "1")));
            Set<String> known = Set.of("servers", "data-dir", "iterations", "warmup", "hosts", "projects", "seed");
            values.keySet().stream().filter(key -> !known.contains(key)).findFirst().ifPresent(key -> {
                throw new IllegalArgumentException("unknown option --" + key);
            });
            if (settings.servers() < 3 * LIMIT) {
                throw new IllegalArgumentException("--servers must be at least " + 3 * LIMIT);
            }
            return settings;
        }
    }
}
