package io.polycell.infra.web;

import io.polycell.infra.Polycell;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Whether this process is ready to take work, for load balancers and operators: every scheduler
 * replica has caught up with the streams it reads (503 until then), with the replicas' host counts,
 * how placements went (claims refused because another placement took the room first),
 * and how the search index is doing (its lag behind the events; listings do without it when it lags).
 * Readable without a token, like the version documents.
 */
@RestController
class HealthController {

    private final Polycell polycell;

    HealthController(Polycell polycell) {
        this.polycell = polycell;
    }

    @GetMapping("/health")
    ResponseEntity<Map<String, Object>> health() {
        boolean ready = polycell.schedulerReady();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ready ? "ready" : "catching up");
        body.put("scheduler", polycell.schedulerStatus());
        body.put("placement", polycell.placementCounts());
        body.put("cell_databases_answering", polycell.cellStores());
        Map<String, Object> search = new LinkedHashMap<>(polycell.search().status());
        search.put("listings", polycell.listing().counts());
        body.put("search", search);
        return ResponseEntity.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }
}
