package io.polycell.searchlight.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.InfoResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.indices.GetMappingResponse;
import io.polycell.search.node.EmbeddedSearchNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real Elasticsearch node started through {@link EmbeddedSearchNode}, used through the Java API client
 * that {@link SearchClients} builds: the requests the server index will need, and the node's life cycle.
 * One node serves the whole class; the restart test replaces it with a node on the same data.
 */
class EmbeddedSearchNodeIT {

    private static final String TEMPLATE = "polycell-test-servers";

    private static Path dataDir;
    private static EmbeddedSearchNode node;
    private static ElasticsearchClient client;

    /** A server as a test document; field names match the template's mapping. */
    record ServerDoc(String id, String name, String cell, String state, String created, int ram) {
    }

    @BeforeAll
    static void startNode() throws IOException {
        dataDir = Files.createTempDirectory("search-node-it-");
        node = EmbeddedSearchNode.start(dataDir, "512m", 0);
        client = SearchClients.forEmbeddedNode(node);
        client.indices().putIndexTemplate(t -> t
                .name(TEMPLATE)
                .indexPatterns("servers-*")
                .template(body -> body
                        .settings(s -> s.numberOfShards("1").numberOfReplicas("0"))
                        .mappings(serverMapping())));
    }

    @AfterAll
    static void stopNode() throws IOException {
        if (client != null) {
            client.close();
        }
        if (node != null) {
            node.stop();
        }
        if (dataDir != null) {
            try (Stream<Path> paths = Files.walk(dataDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static TypeMapping serverMapping() {
        return TypeMapping.of(m -> m
                .dynamic(DynamicMapping.Strict)
                .properties("id", Property.of(p -> p.keyword(k -> k)))
                .properties("name", Property.of(p -> p.text(t -> t.analyzer("standard")
                        .fields("raw", Property.of(raw -> raw.keyword(k -> k))))))
                .properties("cell", Property.of(p -> p.keyword(k -> k)))
                .properties("state", Property.of(p -> p.keyword(k -> k)))
                .properties("created", Property.of(p -> p.date(d -> d)))
                .properties("ram", Property.of(p -> p.integer(i -> i))));
    }

    @Test
    void answersInfoAndPingLikeAnElasticsearchNode() throws IOException {
        InfoResponse info = client.info();

        assertThat(info.version().number()).isEqualTo("8.19.21");
        assertThat(info.clusterName()).isEqualTo("polycell");
        assertThat(info.name()).isEqualTo("polycell-search");
        assertThat(info.clusterUuid()).isNotBlank().isNotEqualTo("_na_");
        assertThat(info.version().luceneVersion()).isNotBlank();
        assertThat(client.ping().value()).isTrue();
    }

    @Test
    void anIndexTakesItsSettingsAndStrictMappingFromTheComposableTemplate() throws IOException {
        client.indices().create(c -> c.index("servers-template-check"));

        GetMappingResponse mapping = client.indices().getMapping(g -> g.index("servers-template-check"));
        Map<String, Property> properties = mapping.get("servers-template-check").mappings().properties();
        assertThat(properties.get("cell").isKeyword()).isTrue();
        assertThat(properties.get("created").isDate()).isTrue();
        assertThat(properties.get("name").text().fields().get("raw").isKeyword()).isTrue();
        assertThat(client.indices().getSettings(g -> g.index("servers-template-check"))
                .get("servers-template-check").settings().index().numberOfReplicas()).isEqualTo("0");

        // Strict mapping from the template: a field it does not name is refused.
        assertThatThrownBy(() -> client.index(i -> i.index("servers-template-check").id("x")
                .document(Map.of("id", "x", "flavour", "m1.tiny"))))
                .hasMessageContaining("strict_dynamic_mapping_exception");
    }

    @Test
    void aWriteWithAnOlderExternalVersionIsRejectedAndTheNewerDocumentStays() throws IOException {
        String index = "servers-versions";
        ServerDoc active = server("s-1", "cell1", "ACTIVE", 1);
        ServerDoc building = server("s-1", "cell1", "BUILD", 0);

        BulkResponse newer = client.bulk(b -> b.refresh(Refresh.True).operations(versioned(index, active, 5)));
        assertThat(newer.errors()).isFalse();

        BulkResponse older = client.bulk(b -> b.refresh(Refresh.True).operations(versioned(index, building, 3)));
        assertThat(older.errors()).isTrue();
        BulkResponseItem refused = older.items().get(0);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.error().type()).isEqualTo("version_conflict_engine_exception");

        GetResponse<ServerDoc> stored = client.get(g -> g.index(index).id("s-1"), ServerDoc.class);
        assertThat(stored.version()).isEqualTo(5L);
        assertThat(stored.source()).isEqualTo(active);

        BulkResponse newest = client.bulk(b -> b.refresh(Refresh.True)
                .operations(versioned(index, server("s-1", "cell1", "SHUTOFF", 1), 6)));
        assertThat(newest.errors()).isFalse();
        assertThat(client.get(g -> g.index(index).id("s-1"), ServerDoc.class).source().state()).isEqualTo("SHUTOFF");
    }

    @Test
    void pagesThroughATermFilterInSortOrderWithSearchAfter() throws IOException {
        String index = "servers-paging";
        List<ServerDoc> servers = IntStream.range(0, 23)
                .mapToObj(i -> server("p-%02d".formatted(i), i % 3 == 0 ? "cell2" : "cell1", "ACTIVE", i))
                .toList();
        bulkIndex(index, servers);

        List<String> expected = servers.stream().filter(s -> s.cell().equals("cell1"))
                .sorted(Comparator.comparing(ServerDoc::created).reversed()).map(ServerDoc::id).toList();
        List<String> seen = new ArrayList<>();
        List<FieldValue> after = null;
        int pages = 0;
        while (true) {
            List<FieldValue> cursor = after;
            SearchResponse<ServerDoc> page = client.search(s -> {
                s.index(index).size(4)
                        .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("cell").value("cell1")))))
                        .sort(o -> o.field(f -> f.field("created").order(SortOrder.Desc)))
                        .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
                if (cursor != null) {
                    s.searchAfter(cursor);
                }
                return s;
            }, ServerDoc.class);
            List<Hit<ServerDoc>> hits = page.hits().hits();
            if (hits.isEmpty()) {
                break;
            }
            pages++;
            hits.forEach(hit -> seen.add(hit.source().id()));
            after = hits.get(hits.size() - 1).sort();
        }

        assertThat(expected).hasSize(15);
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(4);
    }

    @Test
    void aTermsAggregationCountsServersPerState() throws IOException {
        String index = "servers-states";
        List<ServerDoc> servers = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            servers.add(server("a-" + i, "cell1", "ACTIVE", i));
        }
        for (int i = 0; i < 3; i++) {
            servers.add(server("b-" + i, "cell2", "BUILD", i));
        }
        servers.add(server("e-0", "cell2", "ERROR", 0));
        bulkIndex(index, servers);

        SearchResponse<Void> response = client.search(s -> s.index(index).size(0)
                .aggregations("by_state", a -> a.terms(t -> t.field("state"))), Void.class);

        Map<String, Long> buckets = response.aggregations().get("by_state").sterms().buckets().array().stream()
                .collect(Collectors.toMap(b -> b.key().stringValue(), StringTermsBucket::docCount,
                        (a, b) -> a, LinkedHashMap::new));
        assertThat(buckets).containsExactly(Map.entry("ACTIVE", 7L), Map.entry("BUILD", 3L), Map.entry("ERROR", 1L));
    }

    @Test
    void anAliasMovesToTheNewIndexInOneAtomicRequest() throws IOException {
        bulkIndex("servers-alias-v1", List.of(server("old", "cell1", "ACTIVE", 0)));
        bulkIndex("servers-alias-v2", List.of(server("new", "cell1", "ACTIVE", 0)));
        client.indices().putAlias(a -> a.index("servers-alias-v1").name("servers-alias"));
        assertThat(idsThrough("servers-alias")).containsExactly("old");

        client.indices().updateAliases(u -> u
                .actions(a -> a.remove(r -> r.index("servers-alias-v1").alias("servers-alias")))
                .actions(a -> a.add(add -> add.index("servers-alias-v2").alias("servers-alias").isWriteIndex(true))));

        assertThat(client.indices().getAlias(g -> g.name("servers-alias")).result().keySet())
                .containsExactly("servers-alias-v2");
        assertThat(idsThrough("servers-alias")).containsExactly("new");
    }

    @Test
    void aSecondNodeOnTheSameDataFailsToStartAndSaysWhereToLook() {
        assertThatThrownBy(() -> EmbeddedSearchNode.start(dataDir, "256m", 0, Duration.ofSeconds(120)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stopped during start-up with exit code 1")
                .hasMessageContaining("see its log " + node.logFile())
                .hasMessageContaining("failed to obtain node locks");
        assertThat(node.isRunning()).isTrue();
    }

    @Test
    void stopEndsTheProcessAndARestartOnTheSameDataKeepsTheDocuments() throws Exception {
        String index = "servers-restart";
        List<ServerDoc> servers = IntStream.range(0, 10)
                .mapToObj(i -> server("r-" + i, "cell1", "ACTIVE", i)).toList();
        bulkIndex(index, servers);
        long pid = node.pid();
        int port = node.httpUrl().getPort();
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();

        client.close();
        node.stop();

        assertThat(node.isRunning()).isFalse();
        assertThat(process.isAlive()).isFalse();
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            }
        }).isInstanceOf(ConnectException.class);

        node = EmbeddedSearchNode.start(dataDir, "512m", 0, Duration.ofSeconds(120));
        client = SearchClients.forEmbeddedNode(node);

        assertThat(node.pid()).isNotEqualTo(pid);
        assertThat(client.count(c -> c.index(index)).count()).isEqualTo(10);
        assertThat(client.get(g -> g.index(index).id("r-7"), ServerDoc.class).source()).isEqualTo(servers.get(7));
        assertThat(client.indices().existsIndexTemplate(e -> e.name(TEMPLATE)).value()).isTrue();
    }

    private static ServerDoc server(String id, String cell, String state, int second) {
        return new ServerDoc(id, "web " + id, cell, state,
                Instant.parse("2026-01-01T00:00:00Z").plusSeconds(second).toString(), 512);
    }

    private static BulkOperation versioned(String index, ServerDoc doc, long version) {
        return BulkOperation.of(o -> o.index(i -> i.index(index).id(doc.id())
                .version(version).versionType(VersionType.External).document(doc)));
    }

    private static void bulkIndex(String index, List<ServerDoc> docs) throws IOException {
        BulkResponse response = client.bulk(b -> {
            b.refresh(Refresh.True);
            docs.forEach(doc -> b.operations(o -> o.index(i -> i.index(index).id(doc.id()).document(doc))));
            return b;
        });
        assertThat(response.errors()).as("bulk errors: %s", response.items()).isFalse();
    }

    private static List<String> idsThrough(String alias) throws IOException {
        return client.search(s -> s.index(alias), ServerDoc.class).hits().hits().stream()
                .map(Hit::id).toList();
    }
}
