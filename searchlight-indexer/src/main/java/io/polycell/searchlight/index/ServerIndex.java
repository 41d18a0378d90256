package io.polycell.searchlight.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch.indices.SegmentSortOrder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The servers index: a composable template with the strict mapping, versioned indices
 * {@code polycell-servers-000001}, {@code -000002}, … made from it, and the alias {@code polycell-servers}
 * on exactly one of them, which every reader and the live indexer use. A rebuild fills the next
 * version and moves the alias in one request. The index is kept sorted on disk in the listings' default
 * order (created_at desc, id desc), so a page in that order reads only the first documents of each
 * segment instead of weighing every one.
 */
public final class ServerIndex {

    public static final String DEFAULT_ALIAS = "polycell-servers";

    private final ElasticsearchClient client;
    private final String alias;
    private final Pattern versioned;

    public ServerIndex(ElasticsearchClient client) {
        this(client, DEFAULT_ALIAS);
    }

    /** An index family under another alias, so tests on one node do not share an index. */
    public ServerIndex(ElasticsearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
        this.versioned = Pattern.compile(Pattern.quote(alias) + "-(\\d{6})");
    }

    public String alias() {
        return alias;
    }

    public ElasticsearchClient client() {
        return client;
    }

    /**
     * Puts the template (a newer mapping or setting applies to indices made from now on, so an index
     * made before takes it at the next rebuild) and, the first time, makes
     * the first index under the alias. Returns the index the alias names.
     */
    public String ensure() {
        try {
            client.indices().putIndexTemplate(t -> t.name(alias)
                    .indexPatterns(alias + "-*")
                    .template(body -> body
                            .settings(s -> s.numberOfShards("1").numberOfReplicas("0")
                                    .sort(o -> o.field("created_at", "id")
                                            .order(SegmentSortOrder.Desc, SegmentSortOrder.Desc)))
                            .mappings(mapping())));
            Optional<String> current = current();
            if (current.isPresent()) {
                return current.get();
            }
            String first = next();
            client.indices().create(c -> c.index(first)
                    .aliases(alias, a -> a.isWriteIndex(true)));
            return first;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not set up the search index " + alias, e);
        }
    }

    /** The index the alias names, if there is one. */
    public Optional<String> current() throws IOException {
        if (!client.indices().existsAlias(e -> e.name(alias)).value()) {
            return Optional.empty();
        }
        return client.indices().getAlias(g -> g.name(alias)).result().keySet().stream().findFirst();
    }

    /** Every versioned index of this family, oldest first. */
    public List<String> versions() throws IOException {
        return client.indices().get(g -> g.index(alias + "-*")).result().keySet().stream()
                .filter(name -> versioned.matcher(name).matches())
                .sorted(Comparator.naturalOrder()).toList();
    }

    /** Makes the next versioned index from the template, outside the alias. */
    public String createNext() throws IOException {
        String name = next();
        client.indices().create(c -> c.index(name));
        return name;
    }

    /** Moves the alias to {@code index} in one request: readers see the old index or the new, never none. */
    public void moveAliasTo(String index) throws IOException {
        Optional<String> current = current();
        client.indices().updateAliases(u -> {
            current.ifPresent(old -> u.actions(a -> a.remove(r -> r.index(old).alias(alias))));
            return u.actions(a -> a.add(add -> add.index(index).alias(alias).isWriteIndex(true)));
        });
    }

    public void delete(String index) throws IOException {
        client.indices().delete(d -> d.index(index));
    }

    private String next() throws IOException {
        int highest = 0;
        for (String name : versions()) {
            Matcher matcher = versioned.matcher(name);
            if (matcher.matches()) {
                highest = Math.max(highest, Integer.parseInt(matcher.group(1)));
            }
        }
        return "%s-%06d".formatted(alias, highest + 1);
    }

    /**
     * The strict mapping: keywords for every filter and aggregation, the name also as text, times as
     * {@code date_nanos} (the views keep microseconds), metadata kept in the source but not indexed.
     */
    public static TypeMapping mapping() {
        Property keyword = Property.of(p -> p.keyword(k -> k));
        Property date = Property.of(p -> p.dateNanos(d -> d));
        Property integer = Property.of(p -> p.integer(i -> i));
        return TypeMapping.of(m -> m
                .dynamic(DynamicMapping.Strict)
                .properties("id", keyword)
                .properties("name", Property.of(p -> p.keyword(k -> k
                        .fields("text", Property.of(t -> t.text(x -> x.analyzer("standard")))))))
                .properties("project_id", keyword)
                .properties("user_id", keyword)
                .properties("cell", keyword)
                .properties("host", keyword)
                .properties("node", keyword)
                .properties("flavor_id", keyword)
                .properties("flavor_name", keyword)
                .properties("image_id", keyword)
                .properties("pending_image_id", Property.of(p -> p.keyword(k -> k.index(false).docValues(false))))
                .properties("metadata", Property.of(p -> p.object(o -> o.enabled(false))))
                .properties("status", keyword)
                .properties("vm_state", keyword)
                .properties("task_state", keyword)
                .properties("power_state", integer)
                .properties("fault_code", integer)
                .properties("fault_message", Property.of(p -> p.keyword(k -> k.ignoreAbove(1024))))
                .properties("fault_details", Property.of(p -> p.text(t -> t.index(false))))
                .properties("fault_created", date)
                .properties("created_at", date)
                .properties("updated_at", date)
                .properties("launched_at", date)
                .properties("deleted_at", date)
                .properties("time_to_active_seconds", Property.of(p -> p.double_(d -> d)))
                .properties("build_request", Property.of(p -> p.boolean_(b -> b))));
    }
}
