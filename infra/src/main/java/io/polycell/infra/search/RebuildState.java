package io.polycell.infra.search;

import io.polycell.searchlight.index.IndexRebuild;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the operator's last rebuild of the search index stands.
 *
 * @param state    {@code none}, {@code running}, {@code done} or {@code failed}
 * @param result   what a finished rebuild made; null otherwise
 * @param failure  why a rebuild failed; null otherwise
 */
public record RebuildState(String state, Instant startedAt, Instant finishedAt, IndexRebuild.Result result,
                           String failure) {

    static final RebuildState NONE = new RebuildState("none", null, null, null, null);

    static RebuildState started(Instant at) {
        return new RebuildState("running", at, null, null, null);
    }

    RebuildState finished(Instant at, IndexRebuild.Result made, String why) {
        return new RebuildState(why == null ? "done" : "failed", startedAt, at, made, why);
    }

    public boolean running() {
        return state.equals("running");
    }

    /** As the health document and the rebuild endpoint show it. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("state", state);
        if (startedAt != null) {
            map.put("started_at", startedAt.toString());
        }
        if (finishedAt != null) {
            map.put("finished_at", finishedAt.toString());
        }
        if (result != null) {
            map.put("index", result.rebuilt());
            map.put("previous_index", result.previous());
            map.put("documents", result.documents());
        }
        if (failure != null) {
            map.put("failure", failure);
        }
        return map;
    }
}
