package io.polycell.searchlight.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.AggregationRange;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.field_caps.FieldCapability;
import co.elastic.clients.util.NamedValue;
import io.polycell.messages.flavor.FlavorSpec;
import io.polycell.messages.instance.InstanceSpec;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operators' Kibana dashboard in {@code infra/kibana}, checked without Kibana: every field its Lens
 * panels use is in the index's real mapping, searchable and aggregatable, and each panel's aggregation,
 * translated from its saved state, gives the expected buckets on a real node over servers fed through
 * the real indexer. A panel this check cannot translate fails it rather than going unchecked.
 */
class KibanaDashboardIT {

    private static final String EXPORT = "polycell-operator-dashboard.ndjson";
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** The column Lens counts records with: no field of the index. */
    private static final String RECORDS = "___records___";

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final String NO_HOST = "No valid host was found. ";
    private static final String NETWORK = "Build of instance kd-e3 aborted: Failed to allocate the network(s), "
            + "not rescheduling.";
    private static final String RETRIES = "Exceeded maximum number of retries. Exhausted all hosts available for "
            + "retrying build failures for instance kd-e4.";

    /**
     * What each panel must show over the servers {@link #feedKnownServers} writes, by panel title, bucket
     * keys in the order the aggregation returns them: terms by count then key, time buckets by hour (UTC),
     * ranges as {@code from..to}.
     */
    private static final Map<String, Map<String, Long>> EXPECTED = Map.of(
            "Servers by status", buckets("ACTIVE", 6, "ERROR", 3, "BUILD", 2),
            "Servers by cell", buckets("cell2", 5, "cell1", 3, "cell0", 2),
            "Servers by host", buckets("cell2-host1", 3, "cell1-host1", 2, "cell2-host2", 2, "cell1-host2", 1),
            "Servers by project", buckets("demo", 7, "ops", 4),
            "Servers by flavor", buckets("m1.small", 6, "m1.tiny", 5),
            "Builds over time", buckets("2026-03-02T10:00:00Z", 5, "2026-03-02T11:00:00Z", 4,
                    "2026-03-02T12:00:00Z", 0, "2026-03-02T13:00:00Z", 4),
            "Failures over time", buckets("2026-03-02T10:00:00Z", 1, "2026-03-02T11:00:00Z", 1,
                    "2026-03-02T12:00:00Z", 0, "2026-03-02T13:00:00Z", 2),
            "Time to ACTIVE", buckets("0..10", 1, "10..30", 2, "30..60", 2, "60..120", 1, "120..300", 0,
                    "300..", 1),
            "Fault reasons", buckets(NO_HOST, 2, NETWORK, 1, RETRIES, 1));

    private static TestNode testNode;
    private static ElasticsearchClient client;
    private static ServerIndex index;
    private static Export export;

    @BeforeAll
    static void startNodeAndIndexKnownServers() throws IOException {
        export = Export.read(locateExport());
        testNode = TestNode.start("kibana-it");
        client = testNode.client();
        index = new ServerIndex(client);
        index.ensure();
        feedKnownServers();
    }

    @AfterAll
    static void stopNode() throws IOException {
        if (testNode != null) {
            testNode.close();
        }
    }


    /**
     * Thirteen servers over four hours in two projects and two flavors: seven active (one of them deleted
     * since), two no host took (cell0), two whose spawn failed (one deleted since), two still building.
     */
    private static void feedKnownServers() throws IOException {
        ServerEvents events = new ServerEvents("cell0", "cell1", "cell2");
        active(events, "kd-a1", "demo", ServerEvents.TINY, 5, "cell1", "cell1-host1", 12);
        active(events, "kd-a2", "demo", ServerEvents.SMALL, 10, "cell1", "cell1-host1", 25);
        active(events, "kd-a3", "ops", ServerEvents.TINY, 20, "cell1", "cell1-host2", 45);
        active(events, "kd-a4", "ops", ServerEvents.SMALL, 40, "cell2", "cell2-host1", 8);
        active(events, "kd-a5", "demo", ServerEvents.TINY, 62, "cell2", "cell2-host1", 90);
        active(events, "kd-a6", "demo", ServerEvents.SMALL, 75, "cell2", "cell2-host2", 400);
        active(events, "kd-a7", "ops", ServerEvents.TINY, 90, "cell1", "cell1-host1", 30);
        events.deleted("cell1", "kd-a7", T0.plusSeconds(120 * 60));

        InstanceSpec e1 = ServerEvents.spec("kd-e1", "demo", ServerEvents.TINY, minutes(30));
        events.accepted(e1);
        events.noValidHost(e1, NO_HOST);
        InstanceSpec e2 = ServerEvents.spec("kd-e2", "ops", ServerEvents.SMALL, minutes(105));
        events.accepted(e2);
        events.noValidHost(e2, NO_HOST);
        InstanceSpec e3 = ServerEvents.spec("kd-e3", "demo", ServerEvents.SMALL, minutes(190));
        events.accepted(e3);
        events.placed(e3, "cell2", "cell2-host2");
        events.spawnFailed("cell2", "kd-e3", NETWORK, minutes(191));
        InstanceSpec e4 = ServerEvents.spec("kd-e4", "ops", ServerEvents.TINY, minutes(200));
        events.accepted(e4);
        events.placed(e4, "cell1", "cell1-host2");
        events.spawnFailed("cell1", "kd-e4", RETRIES, minutes(200).plusSeconds(30));
        events.deleted("cell1", "kd-e4", minutes(230));

        events.accepted(ServerEvents.spec("kd-b1", "demo", ServerEvents.TINY, minutes(220)));
        InstanceSpec b2 = ServerEvents.spec("kd-b2", "ops", ServerEvents.SMALL, minutes(225));
        events.accepted(b2);
        events.placed(b2, "cell2", "cell2-host1");

        try (SearchIndexFeed feed = SearchIndexFeed.start(ServerIndexer.GROUP, new ServerIndexer(client, index.alias()),
                events.streams(), new InMemoryTokenStore(), NoTransactionManager.INSTANCE, 25)) {
            await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(feed::reachedHead);
        }
        client.indices().refresh(r -> r.index(index.alias()));
    }

    private static void active(ServerEvents events, String id, String project, FlavorSpec flavor, int minute,
                               String cell, String host, int secondsToActive) {
        InstanceSpec spec = ServerEvents.spec(id, project, flavor, minutes(minute));
        events.accepted(spec);
        events.placed(spec, cell, host);
        events.spawned(cell, id, minutes(minute).plusSeconds(secondsToActive));
    }

    private static Instant minutes(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    @Test
    void theKnownServersAreIndexedAsTheExpectationsAssume() throws IOException {
        Aggregation byStatus = Aggregation.of(a -> a.terms(t -> t.field("status").size(10)));
        Aggregate all = client.search(s -> s.index(index.alias()).size(0).aggregations("status", byStatus),
                Void.class).aggregations().get("status");
        assertThat(normalise(all, "terms"))
                .containsExactlyEntriesOf(buckets("ACTIVE", 6, "ERROR", 3, "BUILD", 2, "DELETED", 2));
    }

    @Test
    void theExportIsOneDataViewOnTheAliasLensPanelsAndADashboardShowingEachOfThem() {
        assertThat(export.summary()).as("the export summary line").isNotNull();
        assertThat(export.summary().path("exportedCount").asInt(-1)).isEqualTo(export.objects().size());
        assertThat(export.summary().path("missingRefCount").asInt(-1)).isZero();
        assertThat(export.objects().stream().map(o -> export.type(o) + ":" + export.id(o))).doesNotHaveDuplicates();

        JsonNode dataView = export.dataView();
        assertThat(dataView.path("attributes").path("title").stringValue()).isEqualTo(ServerIndex.DEFAULT_ALIAS)
                .isEqualTo(index.alias());
        assertThat(dataView.path("attributes").path("timeFieldName").stringValue()).isEqualTo("created_at");

        List<Panel> panels = export.panels();
        assertThat(panels).isNotEmpty();
        assertThat(panels.stream().map(Panel::title)).doesNotHaveDuplicates();
        for (Panel panel : panels) {
            assertThat(panel.dataViewId()).as("%s: data view of layer %s", panel.title(), panel.layerId())
                    .isEqualTo(dataView.path("id").stringValue());
        }

        JsonNode dashboard = export.only("dashboard");
        JsonNode attributes = dashboard.path("attributes");
        assertThat(attributes.path("title").stringValue()).isNotBlank();
        JSON.readTree(attributes.path("optionsJSON").stringValue());
        JsonNode search = JSON.readTree(attributes.path("kibanaSavedObjectMeta").path("searchSourceJSON")
                .stringValue());
        assertThat(search.path("filter").isEmpty()).as("dashboard filters").isTrue();
        Map<String, JsonNode> references = new LinkedHashMap<>();
        dashboard.path("references").forEach(ref -> references.put(ref.path("name").stringValue(), ref));
        Set<String> lensIds = panels.stream().map(Panel::id).collect(Collectors.toSet());
        Set<String> shown = new HashSet<>();
        List<int[]> grid = new ArrayList<>();
        for (JsonNode panel : JSON.readTree(attributes.path("panelsJSON").stringValue())) {
            String panelIndex = panel.path("panelIndex").stringValue();
            assertThat(panel.path("type").stringValue()).as("panel %s type", panelIndex).isEqualTo("lens");
            assertThat(panel.path("gridData").path("i").stringValue()).isEqualTo(panelIndex);
            assertThat(panel.path("panelRefName").stringValue()).isEqualTo("panel_" + panelIndex);
            JsonNode reference = references.get(panelIndex + ":panel_" + panelIndex);
            assertThat(reference).as("the dashboard's reference of panel %s", panelIndex).isNotNull();
            assertThat(reference.path("type").stringValue()).isEqualTo("lens");
            assertThat(lensIds).as("lens objects of the export").contains(reference.path("id").stringValue());
            shown.add(reference.path("id").stringValue());
            JsonNode g = panel.path("gridData");
            int[] box = {g.required("x").asInt(), g.required("y").asInt(), g.required("w").asInt(),
                    g.required("h").asInt()};
            assertThat(box[0] + box[2]).as("panel %s fits the 48 columns", panelIndex).isLessThanOrEqualTo(48);
            for (int[] other : grid) {
                boolean overlap = box[0] < other[0] + other[2] && other[0] < box[0] + box[2]
                        && box[1] < other[1] + other[3] && other[1] < box[1] + box[3];
                assertThat(overlap).as("panel %s overlaps another", panelIndex).isFalse();
            }
            grid.add(box);
        }
        assertThat(shown).as("every Lens panel is on the dashboard").isEqualTo(lensIds);
    }

    @Test
    void everyFieldThePanelsUseIsInTheMappingSearchableAndAggregatable() throws IOException {
        Map<String, Set<String>> typesFor = new LinkedHashMap<>();
        for (Panel panel : export.panels()) {
            typesFor.computeIfAbsent(panel.bucket().sourceField(), f -> new TreeSet<>())
                    .add(panel.bucket().operationType());
            for (String field : Kql.parse(panel).fields()) {
                typesFor.computeIfAbsent(field, f -> new TreeSet<>()).add("query");
            }
        }
        String timeField = export.dataView().path("attributes").path("timeFieldName").stringValue();
        typesFor.computeIfAbsent(timeField, f -> new TreeSet<>()).add("time");
        List<String> fields = List.copyOf(typesFor.keySet());

        Map<String, Map<String, FieldCapability>> caps = client.fieldCaps(f -> f.index(index.alias()).fields(fields))
                .fields();
        for (Map.Entry<String, Set<String>> used : typesFor.entrySet()) {
            String field = used.getKey();
            assertThat(caps).as("field %s in the mapping", field).containsKey(field);
            assertThat(caps.get(field)).as("types of %s", field).hasSize(1);
            FieldCapability cap = caps.get(field).values().iterator().next();
            assertThat(cap.searchable()).as("%s searchable", field).isTrue();
            assertThat(cap.aggregatable()).as("%s aggregatable", field).isTrue();
            for (String use : used.getValue()) {
                assertThat(cap.type()).as("type of %s for %s", field, use).isIn(typesFit(use));
            }
        }
    }

    /** The field types an operation (or a use) of a Lens panel can work on. */
    private static Set<String> typesFit(String use) {
        Set<String> numbers = Set.of("long", "integer", "short", "byte", "double", "float", "half_float",
                "scaled_float");
        Set<String> dates = Set.of("date", "date_nanos");
        return switch (use) {
            case "terms" -> Stream.concat(numbers.stream(), Stream.of("keyword", "boolean", "ip"))
                    .collect(Collectors.toSet());
            case "date_histogram", "time" -> dates;
            case "range" -> numbers;
            case "query" -> Stream.concat(Stream.concat(numbers.stream(), dates.stream()),
                    Stream.of("keyword", "boolean", "ip")).collect(Collectors.toSet());
            default -> fail("no field type is known for the operation %s", use);
        };
    }

    @TestFactory
    Stream<DynamicTest> eachPanelsAggregationGivesTheBucketsOfTheKnownServers() {
        assertThat(export.panels().stream().map(Panel::title))
                .as("the panels the expectations are about").containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        return export.panels().stream().map(panel -> DynamicTest.dynamicTest(panel.title(), () -> {
            Query query = Kql.parse(panel).query();
            Aggregation aggregation = aggregation(panel);
            Aggregate aggregate = client.search(s -> s.index(index.alias()).size(0).query(query)
                    .aggregations("panel", aggregation), Void.class).aggregations().get("panel");
            assertThat(normalise(aggregate, panel.bucket().operationType()))
                    .as("buckets of %s", panel.title())
                    .containsExactlyEntriesOf(EXPECTED.get(panel.title()));
        }));
    }

    /** The aggregation Kibana runs for the panel's bucket column, its metric being the count of records. */
    private static Aggregation aggregation(Panel panel) {
        Column bucket = panel.bucket();
        JsonNode params = bucket.json().path("params");
        return switch (bucket.operationType()) {
            case "terms" -> {
                if (params.path("otherBucket").asBoolean(false) || params.path("missingBucket").asBoolean(false)) {
                    yield fail("%s: the other and missing buckets are not translated", panel.title());
                }
                if (!params.path("include").isEmpty() || !params.path("exclude").isEmpty()) {
                    yield fail("%s: include and exclude are not translated", panel.title());
                }
                JsonNode orderBy = params.required("orderBy");
                String key = switch (orderBy.path("type").stringValue("")) {
                    case "column" -> {
                        assertThat(orderBy.path("columnId").stringValue()).as("%s orders by", panel.title())
                                .isEqualTo(panel.metric().id());
                        yield "_count";
                    }
                    case "alphabetical" -> "_key";
                    default -> fail("%s: terms ordered by %s are not translated", panel.title(), orderBy);
                };
                SortOrder order = params.path("orderDirection").stringValue("desc").equals("asc")
                        ? SortOrder.Asc : SortOrder.Desc;
                int size = params.required("size").asInt();
                yield Aggregation.of(a -> a.terms(t -> t.field(bucket.sourceField()).size(size)
                        .order(NamedValue.of(key, order))));
            }
            case "date_histogram" -> {
                String interval = params.path("interval").stringValue("");
                if (!interval.matches("\\d+(ms|s|m|h|d)")) {
                    yield fail("%s: the date histogram interval '%s' is not a fixed interval this check translates",
                            panel.title(), interval);
                }
                // Kibana keeps empty buckets across the time range; with no time range, between the first and last.
                int minDocCount = params.path("includeEmptyRows").asBoolean(false) ? 0 : 1;
                yield Aggregation.of(a -> a.dateHistogram(d -> d.field(bucket.sourceField())
                        .fixedInterval(t -> t.time(interval)).minDocCount(minDocCount).timeZone("UTC")));
            }
            case "range" -> {
                if (!params.path("type").stringValue("").equals("range")) {
                    yield fail("%s: only explicit ranges are translated, not the '%s' mode", panel.title(),
                            params.path("type").stringValue(""));
                }
                List<AggregationRange> ranges = new ArrayList<>();
                for (JsonNode range : params.required("ranges")) {
                    ranges.add(AggregationRange.of(r -> r.from(number(range.path("from")))
                            .to(number(range.path("to")))));
                }
                yield Aggregation.of(a -> a.range(r -> r.field(bucket.sourceField()).ranges(ranges)));
            }
            default -> fail("%s: the operation %s is not translated", panel.title(), bucket.operationType());
        };
    }

    private static Double number(JsonNode node) {
        return node.isNumber() ? node.doubleValue() : null;
    }

    /** The buckets as key → count, in the order the node returns them. */
    private static Map<String, Long> normalise(Aggregate aggregate, String operationType) {
        Map<String, Long> result = new LinkedHashMap<>();
        switch (operationType) {
            case "terms" -> {
                if (aggregate.isSterms()) {
                    aggregate.sterms().buckets().array().forEach(b -> result.put(b.key().stringValue(), b.docCount()));
                } else if (aggregate.isLterms()) {
                    aggregate.lterms().buckets().array().forEach(b -> result.put(String.valueOf(b.key()),
                            b.docCount()));
                } else if (aggregate.isDterms()) {
                    aggregate.dterms().buckets().array().forEach(b -> result.put(String.valueOf(b.key()),
                            b.docCount()));
                } else if (!aggregate.isUmterms()) {
                    fail("unexpected terms result %s", aggregate._kind());
                }
            }
            case "date_histogram" -> aggregate.dateHistogram().buckets().array()
                    .forEach(b -> result.put(Instant.ofEpochMilli(b.key()).toString(), b.docCount()));
            case "range" -> aggregate.range().buckets().array()
                    .forEach(b -> result.put(bound(b.from()) + ".." + bound(b.to()), b.docCount()));
            default -> fail("no buckets are read for %s", operationType);
        }
        return result;
    }

    private static String bound(Double value) {
        return value == null ? "" : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static Map<String, Long> buckets(Object... keysAndCounts) {
        Map<String, Long> buckets = new LinkedHashMap<>();
        for (int i = 0; i < keysAndCounts.length; i += 2) {
            buckets.put((String) keysAndCounts[i], ((Number) keysAndCounts[i + 1]).longValue());
        }
        return buckets;
    }

    /** The export, found from the module's directory (Maven's working directory) or any directory above it. */
    private static Path locateExport() {
        Path start = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("infra").resolve("kibana").resolve(EXPORT);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return fail("The Kibana export infra/kibana/%s is not in %s or any directory above it", EXPORT, start);
    }

    // ---- the export as the check reads it -------------------------------------------------------------

    /** One column of a Lens layer. */
    record Column(String id, JsonNode json) {
        String operationType() {
            return json.path("operationType").stringValue("");
        }

        String sourceField() {
            return json.path("sourceField").stringValue(null);
        }

        boolean bucketed() {
            return json.path("isBucketed").asBoolean(false);
        }
    }

    /** A Lens panel the check can translate: one layer on the data view, one bucket column, one count. */
    record Panel(String id, String title, JsonNode state, String layerId, String dataViewId, Column bucket,
                 Column metric) {

        static Panel of(JsonNode lens) {
            String id = lens.path("id").stringValue();
            JsonNode attributes = lens.required("attributes");
            String title = attributes.path("title").stringValue(id);
            JsonNode state = attributes.required("state");
            if (!state.path("filters").isEmpty()) {
                fail("%s: panel filters are not translated: %s", title, state.path("filters"));
            }
            JsonNode datasources = state.required("datasourceStates");
            for (String datasource : datasources.propertyNames()) {
                if (!datasource.equals("formBased") && !datasources.path(datasource).path("layers").isEmpty()) {
                    fail("%s: layers of the %s datasource are not translated", title, datasource);
                }
            }
            JsonNode layers = datasources.path("formBased").path("layers");
            if (layers.size() != 1) {
                fail("%s: %d form-based layers; the check translates panels of exactly one", title, layers.size());
            }
            String layerId = layers.propertyNames().iterator().next();
            JsonNode layer = layers.path(layerId);
            String dataViewId = null;
            for (JsonNode reference : lens.path("references")) {
                if (reference.path("name").stringValue("").equals("indexpattern-datasource-layer-" + layerId)
                        && reference.path("type").stringValue("").equals("index-pattern")) {
                    dataViewId = reference.path("id").stringValue();
                }
            }
            List<Column> columns = new ArrayList<>();
            for (JsonNode columnId : layer.required("columnOrder")) {
                String name = columnId.stringValue();
                columns.add(new Column(name, layer.required("columns").required(name)));
            }
            assertThat(columns.stream().map(Column::id)).as("%s: columnOrder lists every column", title)
                    .containsExactlyInAnyOrderElementsOf(layer.path("columns").propertyNames());
            for (Column column : columns) {
                for (String unsupported : List.of("filter", "timeShift", "reducedTimeRange", "window")) {
                    if (column.json().has(unsupported)) {
                        fail("%s: the column %s has a %s, which is not translated", title, column.id(), unsupported);
                    }
                }
            }
            List<Column> buckets = columns.stream().filter(Column::bucketed).toList();
            List<Column> metrics = columns.stream().filter(c -> !c.bucketed()).toList();
            if (buckets.size() != 1 || metrics.size() != 1) {
                fail("%s: %d bucket and %d metric columns; the check translates one of each", title, buckets.size(),
                        metrics.size());
            }
            Column metric = metrics.get(0);
            if (!metric.operationType().equals("count") || !RECORDS.equals(metric.sourceField())) {
                fail("%s: the metric %s of %s is not translated; only the count of records is", title,
                        metric.operationType(), metric.sourceField());
            }
            if (buckets.get(0).sourceField() == null) {
                fail("%s: the bucket column %s names no field", title, buckets.get(0).id());
            }
            Set<String> shown = new LinkedHashSet<>();
            collectStrings(state.required("visualization"), shown);
            assertThat(shown).as("%s: what the visualization shows", title)
                    .contains(layerId, buckets.get(0).id(), metric.id());
            return new Panel(id, title, state, layerId, dataViewId, buckets.get(0), metric);
        }

        private static void collectStrings(JsonNode node, Set<String> into) {
            if (node.isString()) {
                into.add(node.stringValue());
            }
            node.values().forEach(child -> collectStrings(child, into));
        }
    }

    /** The KQL forms the panels use, as Elasticsearch queries; any other fails the check. */
    record Kql(Query query, List<String> fields) {
        private static final Pattern NOT_EXISTS = Pattern.compile("not\\s+([A-Za-z0-9_.]+)\\s*:\\s*\\*",
                Pattern.CASE_INSENSITIVE);
        private static final Pattern EXISTS = Pattern.compile("([A-Za-z0-9_.]+)\\s*:\\s*\\*");

        static Kql parse(Panel panel) {
            JsonNode query = panel.state().path("query");
            String language = query.path("language").stringValue("kuery");
            String text = query.path("query").stringValue("").trim();
            if (!language.equals("kuery")) {
                return fail("%s: the query language %s is not translated", panel.title(), language);
            }
            if (text.isEmpty()) {
                return new Kql(Query.of(q -> q.matchAll(m -> m)), List.of());
            }
            Matcher notExists = NOT_EXISTS.matcher(text);
            if (notExists.matches()) {
                String field = notExists.group(1);
                return new Kql(Query.of(q -> q.bool(b -> b.mustNot(n -> n.exists(e -> e.field(field))))),
                        List.of(field));
            }
            Matcher exists = EXISTS.matcher(text);
            if (exists.matches()) {
                String field = exists.group(1);
                return new Kql(Query.of(q -> q.exists(e -> e.field(field))), List.of(field));
            }
            return fail("%s: the query '%s' is not one this check translates", panel.title(), text);
        }
    }

    /** The saved objects of the export, its summary line apart. */
    record Export(List<JsonNode> objects, JsonNode summary) {
        private static final Set<String> TYPES = Set.of("index-pattern", "lens", "dashboard");

        static Export read(Path file) throws IOException {
            List<JsonNode> objects = new ArrayList<>();
            JsonNode summary = null;
            int number = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode json = JSON.readTree(line);
                assertThat(json.isObject()).as("line %d is a JSON object", number).isTrue();
                if (json.has("exportedCount")) {
                    summary = json;
                    continue;
                }
                String type = json.path("type").stringValue("");
                if (!TYPES.contains(type)) {
                    fail("line %d: a saved object of type '%s', which this check does not handle", number, type);
                }
                assertThat(json.path("id").stringValue("")).as("line %d id", number).isNotBlank();
                objects.add(json);
            }
            return new Export(List.copyOf(objects), summary);
        }

        String id(JsonNode object) {
            return object.path("id").stringValue();
        }

        String type(JsonNode object) {
            return object.path("type").stringValue();
        }

        JsonNode only(String type) {
            List<JsonNode> ofType = objects.stream().filter(o -> type.equals(type(o))).toList();
            assertThat(ofType).as("saved objects of type %s", type).hasSize(1);
            return ofType.get(0);
        }

        JsonNode dataView() {
            return only("index-pattern");
        }

        List<Panel> panels() {
            return objects.stream().filter(o -> type(o).equals("lens")).map(Panel::of).toList();
        }
    }
}
