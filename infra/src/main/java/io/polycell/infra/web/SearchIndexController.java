package io.polycell.infra.web;

import io.polycell.infra.Polycell;
import io.polycell.infra.search.RebuildState;
import io.polycell.messages.common.Requester;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operators' handle on the search index, outside Nova's API: start a rebuild by replay (202; 409
 * while one runs; listings go on reading the current index until the alias moves) and see how it
 * stands. Admins only.
 */
@RestController
@RequestMapping("/polycell/v1/search-index/rebuild")
class SearchIndexController {

    private final Polycell polycell;

    SearchIndexController(Polycell polycell) {
        this.polycell = polycell;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> start(Requester requester) {
        adminOnly(requester, "rebuild");
        if (polycell.search().feed() == null) {
            throw new PolycellException(ErrorCode.CONFLICT, "The search index is off or not set up yet");
        }
        if (polycell.search().rebuild().running()) {
            throw new PolycellException(ErrorCode.CONFLICT, "A rebuild of the search index is already running");
        }
        RebuildState started = polycell.search().startRebuild();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("rebuild", started.toMap()));
    }

    @GetMapping
    Map<String, Object> state(Requester requester) {
        adminOnly(requester, "show");
        return Map.of("rebuild", polycell.search().rebuild().toMap());
    }

    private static void adminOnly(Requester requester, String action) {
        if (!requester.admin()) {
            throw new PolycellException(ErrorCode.FORBIDDEN,
                    "Policy doesn't allow polycell:search-index:" + action + " to be performed.");
        }
    }
}
