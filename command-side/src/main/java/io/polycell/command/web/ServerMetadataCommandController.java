package io.polycell.command.web;

import io.polycell.command.routing.CommandRouter;
import io.polycell.command.routing.Outcomes;
import io.polycell.messages.common.Requester;
import io.polycell.messages.instance.DeleteServerMetadataItem;
import io.polycell.messages.instance.UpdateServerMetadata;
import io.polycell.messages.quota.QuotaReport;
import io.polycell.messages.quota.QuotaResource;
import io.polycell.messages.quota.ReadQuota;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Changing a server's metadata ({@code /servers/{id}/metadata}): merge ({@code POST}), replace all
 * ({@code PUT}), set or delete one item. The body is checked here with Nova's schema; the server's
 * instance, in its cell, applies Nova's rules (state, lock, the {@code metadata_items} limit, which
 * this controller reads from the requester's quota and hands over) and answers the result.
 */
@RestController
@RequestMapping("/v2.1/servers/{id}/metadata")
class ServerMetadataCommandController {

    private final CommandRouter router;

    ServerMetadataCommandController(CommandRouter router) {
        this.router = router;
    }

    @PostMapping
    Map<String, Object> merge(@PathVariable String id, @RequestBody(required = false) JsonNode body,
                              Requester requester) {
        return Map.of("metadata", update(id, ServerMetadataRequests.metadata(body), false, requester));
    }

    @PutMapping
    Map<String, Object> replace(@PathVariable String id, @RequestBody(required = false) JsonNode body,
                                Requester requester) {
        return Map.of("metadata", update(id, ServerMetadataRequests.metadata(body), true, requester));
    }

    @PutMapping("/{key}")
    Map<String, Object> set(@PathVariable String id, @PathVariable String key,
                            @RequestBody(required = false) JsonNode body, Requester requester) {
        Map<String, String> item = ServerMetadataRequests.item(body, key);
        update(id, item, false, requester);
        return Map.of("meta", item);
    }

    @DeleteMapping("/{key}")
    ResponseEntity<Void> delete(@PathVariable String id, @PathVariable String key, Requester requester) {
        String cell = ServerCells.locate(router, id, requester, "delete metadata");
        Outcomes.await(router.toCell(cell, new DeleteServerMetadataItem(id, key, requester)));
        return ResponseEntity.noContent().build();
    }

    private Map<String, String> update(String id, Map<String, String> items, boolean replaceAll,
                                       Requester requester) {
        String cell = ServerCells.locate(router, id, requester, "update metadata");
        return Outcomes.await(router.toCell(cell, new UpdateServerMetadata(id, items, replaceAll,
                metadataLimit(requester), requester)));
    }

    /**
     * The requester's {@code metadata_items} limit: Nova checks the request against the limits of the
     * requester's project and of the requester in it, so the lower of the two (-1 when neither has one).
     */
    private int metadataLimit(Requester requester) {
        QuotaReport project = Outcomes.await(router.toApi(new ReadQuota(requester.projectId(), null)));
        QuotaReport user = Outcomes.await(router.toApi(new ReadQuota(requester.projectId(), requester.userId())));
        int projectLimit = project.limit(QuotaResource.METADATA_ITEMS);
        int userLimit = user.limit(QuotaResource.METADATA_ITEMS);
        if (projectLimit < 0 || userLimit < 0) {
            return Math.max(projectLimit, userLimit) < 0 ? -1 : Math.max(projectLimit, userLimit);
        }
        return Math.min(projectLimit, userLimit);
    }
}
