package io.polycell.query.web;

import io.polycell.messages.common.Requester;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import io.polycell.query.server.ServerListing;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reading a server's metadata ({@code /servers/{id}/metadata}): all of it, or one item. */
@RestController
@RequestMapping("/v2.1/servers/{id}/metadata")
class ServerMetadataQueryController {

    private final ServerListing listing;

    ServerMetadataQueryController(ServerListing listing) {
        this.listing = listing;
    }

    @GetMapping
    Map<String, Object> all(@PathVariable String id, Requester requester) {
        return Map.of("metadata", metadata(id, requester));
    }

    @GetMapping("/{key}")
    Map<String, Object> one(@PathVariable String id, @PathVariable String key, Requester requester) {
        String value = metadata(id, requester).get(key);
        if (value == null) {
            throw new PolycellException(ErrorCode.NOT_FOUND, "Metadata item was not found");
        }
        return Map.of("meta", Map.of(key, value));
    }

    private Map<String, String> metadata(String id, Requester requester) {
        return listing.show(id, requester).orElseThrow(() -> new PolycellException(ErrorCode.NOT_FOUND,
                "Instance " + id + " could not be found.")).metadata();
    }
}
