package io.polycell.searchlight.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.polycell.messages.instance.InstanceMetadataChanged;
import io.polycell.messages.instance.InstanceSpec;
import io.polycell.messages.instance.VmState;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The indexer on a real Elasticsearch node, fed from in-memory event streams shaped like the API
 * store's and the cells': the documents of a server's life, versions that keep newer state, a crash
 * mid-stream and a resume, and a rebuild by replay behind the alias. One node for the class; each test
 * has its own index family.
 */
class ServerIndexerIT {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456Z");
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static TestNode testNode;
    private static ElasticsearchClient client;

    @BeforeAll
    static void startNode() throws IOException {
        testNode = TestNode.start("indexer-it");
        client = testNode.client();
    }

    @AfterAll
    static void stopNode() throws IOException {
        if (testNode != null) {
            testNode.close();
        }
    }


    @Test
    void aServerIsABuildRequestThenActiveInItsCellThenKeptWithDeletedAt() throws IOException {
        ServerIndex index = new ServerIndex(client, "life");
        index.ensure();
        ServerEvents events = new ServerEvents("cell0", "cell1");
        InstanceSpec spec = ServerEvents.spec("s-1", "demo", T0);
        try (SearchIndexFeed feed = live(index, events, new InMemoryTokenStore())) {
            events.accepted(spec);
            awaitHead(feed);
            Versioned building = get(index, "s-1");
            assertThat(building.document().status()).isEqualTo("BUILD");
            assertThat(building.document().buildRequest()).isTrue();
            assertThat(building.document().cell()).isNull();
            assertThat(building.version()).isEqualTo(1);

            events.placed(spec, "cell1", "cell1-host1");
            events.spawned("cell1", "s-1", T0.plusSeconds(7));
            awaitHead(feed);
            Versioned active = get(index, "s-1");
            assertThat(active.document().status()).isEqualTo("ACTIVE");
            assertThat(active.document().buildRequest()).isFalse();
            assertThat(active.document().cell()).isEqualTo("cell1");
            assertThat(active.document().host()).isEqualTo("cell1-host1");
            assertThat(active.document().node()).isEqualTo("cell1-host1");
            assertThat(active.document().flavorName()).isEqualTo("m1.tiny");
            assertThat(active.document().powerState()).isEqualTo(1);
            assertThat(active.document().launchedAt()).isEqualTo(T0.plusSeconds(7));
            assertThat(active.document().timeToActive()).isEqualTo(7.0);
            assertThat(active.document().createdAt()).isEqualTo(T0);
            assertThat(active.version()).isEqualTo(DocumentVersion.CELL + 1);

            Instant deletedAt = T0.plusSeconds(60);
            events.deleted("cell1", "s-1", deletedAt);
            awaitHead(feed);
            Versioned deleted = get(index, "s-1");
            assertThat(deleted.document().status()).isEqualTo("DELETED");
            assertThat(deleted.document().vmState()).isEqualTo(VmState.DELETED.apiName());
            assertThat(deleted.document().deletedAt()).isEqualTo(deletedAt);
            assertThat(deleted.document().timeToActive()).isEqualTo(7.0);
            assertThat(deleted.version()).isEqualTo(DocumentVersion.CELL + 3);
        }
    }

    @Test
    void aServerNoHostTookIsInErrorInCell0WithItsFault() throws IOException {
        ServerIndex index = new ServerIndex(client, "cell0");
        index.ensure();
        ServerEvents events = new ServerEvents("cell0", "cell1");
        InstanceSpec spec = ServerEvents.spec("s-err", "demo", T0);
        try (SearchIndexFeed feed = live(index, events, new InMemoryTokenStore())) {
            events.accepted(spec);
            events.noValidHost(spec, "No valid host was found. ");
            awaitHead(feed);
        }
        Versioned failed = get(index, "s-err");
        assertThat(failed.document().status()).isEqualTo("ERROR");
        assertThat(failed.document().cell()).isEqualTo("cell0");
        assertThat(failed.document().host()).isNull();
        assertThat(failed.document().faultCode()).isEqualTo(500);
        assertThat(failed.document().faultMessage()).startsWith("No valid host was found.");
        assertThat(failed.document().deletedAt()).isNull();
        assertThat(failed.version()).isEqualTo(DocumentVersion.CELL);
    }

    @Test
    void aMetadataChangeReplacesTheDocumentsMetadata() throws IOException {
        ServerIndex index = new ServerIndex(client, "metadata");
        index.ensure();
        ServerEvents events = new ServerEvents("cell0", "cell1");
        InstanceSpec spec = ServerEvents.spec("s-meta", "demo", T0);
        try (SearchIndexFeed feed = live(index, events, new InMemoryTokenStore())) {
            events.accepted(spec);
            events.placed(spec, "cell1", "cell1-host1");
            events.spawned("cell1", "s-meta", T0.plusSeconds(5));
            events.append("cell1", "s-meta", new InstanceMetadataChanged("s-meta", Map.of("tier", "front")));
            awaitHead(feed);
        }
        Versioned changed = get(index, "s-meta");
        assertThat(changed.document().metadata()).isEqualTo(Map.of("tier", "front"));
        assertThat(changed.document().status()).isEqualTo("ACTIVE");
        assertThat(changed.version()).isEqualTo(DocumentVersion.CELL + 2);
    }

    @Test
    void writesOfOlderEventsNeverOverwriteNewerState() throws IOException {
        ServerIndex index = new ServerIndex(client, "order");
        index.ensure();
        ServerEvents events = new ServerEvents("cell0", "cell1", "cell2");
        for (int i = 0; i < 40; i++) {
            InstanceSpec spec = ServerEvents.spec("o-%02d".formatted(i), "demo", T0.plusSeconds(i));
            String cell = i % 2 == 0 ? "cell1" : "cell2";
            events.accepted(spec);
            events.placed(spec, cell, cell + "-host1");
            events.spawned(cell, spec.instanceId(), T0.plusSeconds(i + 5));
            if (i % 4 == 0) {
                events.deleted(cell, spec.instanceId(), T0.plusSeconds(100 + i));
            }
        }
        try (SearchIndexFeed feed = live(index, events, new InMemoryTokenStore())) {
            awaitHead(feed);
        }
        Map<String, Versioned> before = all(index.alias());

        // A second indexer that replays from the start, as a laggard or a stray copy would.
        ServerIndexer laggard = new ServerIndexer(client, index.alias());
        try (SearchIndexFeed replay = SearchIndexFeed.start("laggard", laggard, events.streams(),
                new InMemoryTokenStore(), NoTransactionManager.INSTANCE, 7)) {
            awaitHead(replay);
        }
        assertThat(all(index.alias())).isEqualTo(before);
        assertThat(laggard.written()).isZero();

        // And a write straight to the index with the build request's version is refused.
        ServerDocument stale = ServerDocument.of(ServerEvents.spec("o-00", "demo", T0), null, null, VmState.BUILDING,
                null, null, T0, true);
        BulkResponse refused = client.bulk(b -> b.operations(o -> o.index(i -> i.index(index.alias()).id("o-00")
                .version(DocumentVersion.ofBuildRequestEvent(0)).versionType(VersionType.External).document(stale))));
        assertThat(refused.items().get(0).status()).isEqualTo(409);
        assertThat(get(index, "o-00").document().status()).isEqualTo("DELETED");
        assertThat(before.values().stream().filter(v -> v.document().status().equals("DELETED"))).hasSize(10);
        assertThat(before.values().stream().filter(v -> v.document().status().equals("ACTIVE"))).hasSize(30);
    }

    @Test
    void anIndexerKilledMidStreamResumesWithNoMissingOrStaleDocuments() throws IOException {
        ServerIndex index = new ServerIndex(client, "resume");
        index.ensure();
        ServerEvents events = new ServerEvents("cell0", "cell1", "cell2");
        int servers = 300;
        for (int i = 0; i < servers / 2; i++) {
            boot(events, i);
        }
        InMemoryTokenStore tokens = new InMemoryTokenStore();
        // The process dies after a batch's bulk write and before its position is committed.
        CrashingTransactions crash = new CrashingTransactions(12);
        ServerIndexer first = new ServerIndexer(client, index.alias());
        SearchIndexFeed dying = SearchIndexFeed.start(ServerIndexer.GROUP, first, events.streams(), tokens, crash, 10);
        await().atMost(WAIT).until(() -> crash.crashed.get() && dying.failing());
        dying.close();
        assertThat(first.written()).isPositive();
        assertThat(count(index.alias())).isPositive().isLessThan(servers / 2);

        for (int i = servers / 2; i < servers; i++) {
            boot(events, i);
        }
        ServerIndexer second = new ServerIndexer(client, index.alias());
        try (SearchIndexFeed resumed = live(index, events, tokens, second)) {
            awaitHead(resumed);
        }
        client.indices().refresh(r -> r.index(index.alias()));
        Map<String, Versioned> live = all(index.alias());
        assertThat(live).hasSize(servers);
        for (int i = 0; i < servers; i++) {
            Versioned doc = live.get(id(i));
            assertThat(doc.document().status()).as(id(i)).isEqualTo(expectedStatus(i));
        }

        String previous = index.current().orElseThrow();
        IndexRebuild.Result rebuilt = IndexRebuild.run(index, events.streams(), WAIT);
        assertThat(rebuilt.previous()).isEqualTo(previous);
        assertThat(all(rebuilt.rebuilt())).isEqualTo(all(previous));
    }

    @Test
    void aRebuildEqualsTheLiveIndexDocumentForDocumentWhileListingsGoOn() throws Exception {
        ServerIndex index = new ServerIndex(client, "rebuild");
        String first = index.ensure();
        ServerEvents events = new ServerEvents("cell0", "cell1", "cell2");
        for (int i = 0; i < 200; i++) {
            boot(events, i);
        }
        try (SearchIndexFeed feed = live(index, events, new InMemoryTokenStore())) {
            awaitHead(feed);
            client.indices().refresh(r -> r.index(index.alias()));

            AtomicBoolean reading = new AtomicBoolean(true);
            AtomicInteger reads = new AtomicInteger();
            AtomicLong fewest = new AtomicLong(Long.MAX_VALUE);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread reader = new Thread(() -> {
                while (reading.get()) {
                    try {
                        long seen = client.count(c -> c.index(index.alias())).count();
                        fewest.accumulateAndGet(seen, Math::min);
                        reads.incrementAndGet();
                    } catch (Exception | Error e) {
                        failure.set(e);
                        return;
                    }
                }
            });
            reader.start();
            Thread writer = new Thread(() -> {
                for (int i = 200; i < 260; i++) {
                    boot(events, i);
                }
            });
            writer.start();
            IndexRebuild.Result result = IndexRebuild.run(index, events.streams(), WAIT);
            writer.join();
            awaitHead(feed);
            reading.set(false);
            reader.join();

            assertThat(failure.get()).isNull();
            assertThat(reads.get()).isPositive();
            assertThat(fewest.get()).isGreaterThanOrEqualTo(200);
            assertThat(result.previous()).isEqualTo(first);
            assertThat(index.current()).contains(result.rebuilt());
            client.indices().refresh(r -> r.index(first + "," + result.rebuilt()));
            Map<String, Versioned> rebuilt = all(result.rebuilt());
            assertThat(rebuilt).hasSize(260);
            assertThat(rebuilt).isEqualTo(all(first));
        }
    }

    /** Server i: accepted, placed in cell1 or cell2, active; every third deleted, every seventh left building. */
    private static void boot(ServerEvents events, int i) {
        InstanceSpec spec = ServerEvents.spec(id(i), i % 5 == 0 ? "ops" : "demo", T0.plusMillis(i));
        String cell = i % 2 == 0 ? "cell1" : "cell2";
        events.accepted(spec);
        if (i % 7 == 6) {
            return;
        }
        events.placed(spec, cell, cell + "-host" + (i % 3 + 1));
        events.spawned(cell, spec.instanceId(), T0.plusSeconds(5).plusMillis(i));
        if (i % 3 == 0) {
            events.deleted(cell, spec.instanceId(), T0.plusSeconds(50).plusMillis(i));
        }
    }

    private static String expectedStatus(int i) {
        if (i % 7 == 6) {
            return "BUILD";
        }
        return i % 3 == 0 ? "DELETED" : "ACTIVE";
    }

    private static String id(int i) {
        return "srv-%04d".formatted(i);
    }

    private static SearchIndexFeed live(ServerIndex index, ServerEvents events, InMemoryTokenStore tokens) {
        return live(index, events, tokens, new ServerIndexer(client, index.alias()));
    }

    private static SearchIndexFeed live(ServerIndex index, ServerEvents events, InMemoryTokenStore tokens,
                                        ServerIndexer indexer) {
        return SearchIndexFeed.start(ServerIndexer.GROUP, indexer, events.streams(), tokens,
                NoTransactionManager.INSTANCE, 25);
    }

    private static void awaitHead(SearchIndexFeed feed) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(feed::reachedHead);
    }

    private record Versioned(ServerDocument document, long version) {
    }

    private static Versioned get(ServerIndex index, String id) throws IOException {
        GetResponse<ServerDocument> response = client.get(g -> g.index(index.alias()).id(id), ServerDocument.class);
        assertThat(response.found()).as("document %s", id).isTrue();
        return new Versioned(response.source(), response.version());
    }

    private static long count(String index) throws IOException {
        client.indices().refresh(r -> r.index(index));
        return client.count(c -> c.index(index)).count();
    }

    private static Map<String, Versioned> all(String index) throws IOException {
        client.indices().refresh(r -> r.index(index));
        Map<String, Versioned> documents = new TreeMap<>();
        List<Hit<ServerDocument>> hits = new ArrayList<>(client.search(s -> s.index(index).size(10_000).version(true),
                ServerDocument.class).hits().hits());
        hits.forEach(hit -> documents.put(hit.id(), new Versioned(hit.source(), hit.version())));
        return documents;
    }

    /** Transactions that commit until the n-th, then fail every commit: a process gone between the two. */
    private static final class CrashingTransactions implements TransactionManager {
        private final int survive;
        private final AtomicInteger started = new AtomicInteger();
        private final AtomicBoolean crashed = new AtomicBoolean();

        CrashingTransactions(int survive) {
            this.survive = survive;
        }

        @Override
        public Transaction startTransaction() {
            int number = started.incrementAndGet();
            return new Transaction() {
                @Override
                public void commit() {
                    if (number > survive) {
                        crashed.set(true);
                        throw new IllegalStateException("the indexer's process is gone");
                    }
                }

                @Override
                public void rollback() {
                }
            };
        }
    }
}
