package io.polycell.searchlight.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Reads pages of live servers from the index in the listing's default order (created_at desc, id desc),
 * as the merge-sort listing over the cells' views does: project isolation is a term filter in the query,
 * a page starts after a (created_at, id) position by {@code search_after}, deleted servers are left out.
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
     * Up to {@code limit} live servers of {@code projectId} (every project when null) after the server
     * created at {@code afterCreatedAt} with id {@code afterId} (from the start when both are null).
     */
    public List<ServerDocument> page(String projectId, Instant afterCreatedAt, String afterId, int limit)
            throws IOException {
        if ((afterCreatedAt == null) != (afterId == null)) {
            throw new IllegalArgumentException("a page starts after both a creation time and an id, or neither");
        }
        BoolQuery.Builder live = new BoolQuery.Builder()
                .mustNot(m -> m.exists(e -> e.field("deleted_at")));
        if (projectId != null) {
            live.filter(f -> f.term(t -> t.field("project_id").value(projectId)));
        }
        SearchResponse<ServerDocument> response = client.search(s -> {
            s.index(alias)
                    .query(q -> q.bool(live.build()))
                    .sort(o -> o.field(f -> f.field("created_at").order(SortOrder.Desc)))
                    .sort(o -> o.field(f -> f.field("id").order(SortOrder.Desc)))
                    .size(limit)
                    .trackTotalHits(t -> t.enabled(false));
            if (afterId != null) {
                s.searchAfter(FieldValue.of(epochNanos(afterCreatedAt)), FieldValue.of(afterId));
            }
            return s;
        }, ServerDocument.class);
        return response.hits().hits().stream().map(Hit::source).filter(Objects::nonNull).toList();
    }

    /** Makes every write so far visible to searches (a search otherwise sees them after the next refresh). */
    public void refresh() throws IOException {
        client.indices().refresh(r -> r.index(alias));
    }

    /** A {@code date_nanos} field sorts (and is searched after) by nanoseconds since the epoch. */
    static long epochNanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND), instant.getNano());
    }
}
