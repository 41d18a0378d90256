package io.polycell.query.web;

import io.polycell.messages.common.Requester;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import io.polycell.query.server.ServerListing;
import io.polycell.query.server.ServerPage;
import io.polycell.query.server.ServerRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reading servers: one, a page, a detailed page. */
@RestController
@RequestMapping("/v2.1/servers")
class ServersQueryController {

    private final ServerListing listing;

    ServersQueryController(ServerListing listing) {
        this.listing = listing;
    }

    /** Says how a list response was read: {@code index} or {@code merge}. */
    static final String LISTING_HEADER = "X-Polycell-Listing";

    @GetMapping
    ResponseEntity<Map<String, Object>> list(Requester requester, @RequestParam Map<String, String> query) {
        return page(requester, query, "servers", (row, base) -> ServerJson.summary(row, base));
    }

    @GetMapping("/detail")
    ResponseEntity<Map<String, Object>> detail(Requester requester, @RequestParam Map<String, String> query) {
        return page(requester, query, "servers/detail", (row, base) -> ServerJson.detail(row, requester, base));
    }

    @GetMapping("/{id}")
    Map<String, Object> show(@PathVariable String id, Requester requester) {
        ServerRow row = listing.find(id, requester).orElseThrow(
                () -> new PolycellException(ErrorCode.NOT_FOUND, "Instance " + id + " could not be found."));
        return Map.of("server", ServerJson.detail(row, requester, Links.base()));
    }

    private ResponseEntity<Map<String, Object>> page(Requester requester, Map<String, String> query, String path,
                                     BiFunction<ServerRow, String, Map<String, Object>> render) {
        int limit = limit(query.get("limit"));
        boolean allTenants = requester.admin() && isTrue(query.get("all_tenants"));
        String projectId = allTenants ? null : requester.projectId();
        ServerPage page = listing.list(requester, projectId, query.get("marker"), limit);
        List<ServerRow> rows = page.rows();
        String base = Links.base();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("servers", rows.stream().map(row -> render.apply(row, base)).toList());
        if (rows.size() == limit) {
            String next = base + "/v2.1/" + path + "?limit=" + limit + "&marker=" + rows.get(rows.size() - 1).id()
                    + (allTenants ? "&all_tenants=1" : "");
            body.put("servers_links", List.of(Map.of("rel", "next", "href", next)));
        }
        return ResponseEntity.ok().header(LISTING_HEADER, page.path().headerValue()).body(body);
    }

    private static int limit(String value) {
        if (value == null) {
            return ServerListing.MAX_LIMIT;
        }
        int limit;
        try {
            limit = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new PolycellException(ErrorCode.BAD_REQUEST, "limit param must be an integer");
        }
        if (limit < 0) {
            throw new PolycellException(ErrorCode.BAD_REQUEST, "limit param must be positive");
        }
        return Math.min(limit, ServerListing.MAX_LIMIT);
    }

    private static boolean isTrue(String value) {
        return value != null && (value.isEmpty() || value.equals("1") || value.equalsIgnoreCase("true")
                || value.equalsIgnoreCase("yes") || value.equalsIgnoreCase("on"));
    }
}
