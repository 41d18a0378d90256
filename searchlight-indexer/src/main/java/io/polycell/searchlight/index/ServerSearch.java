package io.polycell.searchlight.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.polycell.messages.listing.Deletion;
import io.polycell.messages.listing.ServerField;
import io.polycell.messages.listing.ServerQuery;
import io.polycell.messages.listing.SortKey;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads pages of servers from the index for a listing, as the merge of the cells' views gives them:
 * every filter of the query in one bool query (project isolation a term filter in it), its sort keys
 * with a missing value sorting as the smallest (an empty text, the epoch), the page's start by
 * {@code search_after} on the marker's values for those keys.
 */
public final class ServerSearch {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final ElasticsearchClient client;
    private final String alias;

    public ServerSearch(ElasticsearchClient client, String alias) {
        this.client = Objects.requireNonNull(client, "client");
        this.alias = Objects.requireNonNull(alias, "alias");
    }

    /**
     * Up to {@code limit} servers {@code query} selects in {@code cell} (every cell when null), after
     * the server whose values for the query's sort keys are {@code after} (from the start when null).
     *
     * @throws UnsupportedOperationException when the query's name filter is beyond what the index expresses
     */
    public List<ServerDocument> page(ServerQuery query, String cell, List<Object> after, int limit)
            throws IOException {
        BoolQuery.Builder filters = new BoolQuery.Builder();
        term(filters, "cell", cell);
        term(filters, "project_id", query.projectId());
        term(filters, "user_id", query.userId());
        term(filters, "flavor_id", query.flavorId());
        term(filters, "image_id", query.imageId());
        term(filters, "host", query.host());
        if (query.namePattern() != null) {
            String lucene = LuceneRegex.searching(query.namePattern());
            filters.filter(f -> f.regexp(r -> r.field("name").value(lucene).caseInsensitive(true).flags("NONE")));
        }
        if (!query.statuses().isEmpty()) {
            List<FieldValue> statuses = query.statuses().stream().sorted().map(FieldValue::of).toList();
            filters.filter(f -> f.terms(t -> t.field("status").terms(v -> v.value(statuses))));
        }
        if (query.changesSince() != null) {
            String since = query.changesSince().toString();
            filters.filter(f -> f.range(r -> r.date(d -> d.field("updated_at").gte(since))));
        }
        if (query.deletion() == Deletion.LIVE) {
            filters.mustNot(m -> m.exists(e -> e.field("deleted_at")));
        } else if (query.deletion() == Deletion.DELETED) {
            filters.filter(f -> f.exists(e -> e.field("deleted_at")));
        }
        SearchRequest.Builder search = new SearchRequest.Builder().index(alias)
                .query(q -> q.bool(filters.build())).size(limit).trackTotalHits(t -> t.enabled(false));
        for (SortKey key : query.order()) {
            ServerField field = key.field();
            search.sort(o -> o.field(f -> {
                f.field(field.indexField()).order(key.descending() ? SortOrder.Desc : SortOrder.Asc);
                if (field.mayBeMissing()) {
                    if (field.kind() == ServerField.Kind.TEXT) {
                        f.missing("");
                    } else {
                        f.missing(0L);
                    }
                }
                return f;
            }));
        }
        if (after != null) {
            search.searchAfter(after.stream().map(ServerSearch::sortValue).toList());
        }
        SearchResponse<ServerDocument> response = client.search(search.build(), ServerDocument.class);
        return response.hits().hits().stream().map(Hit::source).filter(Objects::nonNull).toList();
    }

    /** The server as the index holds it, deleted or not. */
    public Optional<ServerDocument> find(String id) throws IOException {
        return Optional.ofNullable(client.get(g -> g.index(alias).id(id), ServerDocument.class).source());
    }

    /** Makes every write so far visible to searches (a search otherwise sees them after the next refresh). */
    public void refresh() throws IOException {
        client.indices().refresh(r -> r.index(alias));
    }

    private static void term(BoolQuery.Builder filters, String field, String value) {
        if (value != null) {
            filters.filter(f -> f.term(t -> t.field(field).value(value)));
        }
    }

    /** A time sorts (and is searched after) by nanoseconds since the epoch, as {@code date_nanos} does. */
    private static FieldValue sortValue(Object value) {
        if (value instanceof Instant instant) {
            return FieldValue.of(epochNanos(instant));
        }
        if (value instanceof Integer number) {
            return FieldValue.of(number.longValue());
        }
        return FieldValue.of(value);
    }

    static long epochNanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND), instant.getNano());
    }
}
