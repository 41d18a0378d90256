package io.polycell.query.web;

import io.polycell.messages.common.ApiVersion;
import io.polycell.messages.common.Requester;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import io.polycell.messages.listing.ServerQuery;
import io.polycell.query.aggregate.AvailabilityZones;
import io.polycell.query.server.ServerListing;
import io.polycell.query.server.ServerPage;
import io.polycell.query.server.ServerRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reading servers: one, a page, a detailed page. */
@RestController
@RequestMapping("/v2.1/servers")
class ServersQueryController {

    /** From this microversion on, servers of a cell that does not answer are listed as minimal records. */
    static final int DOWN_CELL_RECORDS = 69;

    private final ServerListing listing;
    private final AvailabilityZones zones;

    ServersQueryController(ServerListing listing, AvailabilityZones zones) {
        this.listing = listing;
        this.zones = zones;
    }

    /** Says how a list response was read: {@code index} or {@code merge}. */
    static final String LISTING_HEADER = "X-Polycell-Listing";

    @GetMapping
    ResponseEntity<Map<String, Object>> list(Requester requester, ApiVersion version,
                                             @RequestParam MultiValueMap<String, String> query) {
        return page(requester, version, query, "servers",
                (row, base) -> row.cellDown() ? ServerJson.minimalSummary(row, base) : ServerJson.summary(row, base));
    }

    @GetMapping("/detail")
    ResponseEntity<Map<String, Object>> detail(Requester requester, ApiVersion version,
                                               @RequestParam MultiValueMap<String, String> query) {
        UnaryOperator<String> zoneOfHost = zones.zoneOfHost();
        return page(requester, version, query, "servers/detail", (row, base) -> row.cellDown()
                ? ServerJson.minimalDetail(row, base) : ServerJson.detail(row, requester, base, zoneOfHost));
    }

    /**
     * One server. One of a cell that does not answer is Nova's minimal UNKNOWN record from 2.69 on; before
     * it, a 503 that says so (Nova answers 500).
     */
    @GetMapping("/{id}")
    Map<String, Object> show(@PathVariable String id, Requester requester, ApiVersion version) {
        ServerRow row = listing.show(id, requester).orElseThrow(
                () -> new PolycellException(ErrorCode.NOT_FOUND, "Instance " + id + " could not be found."));
        if (row.cellDown()) {
            if (!version.atLeast(DOWN_CELL_RECORDS)) {
                throw new PolycellException(ErrorCode.UNAVAILABLE, "The cell of instance " + id
                        + " does not answer; try again later, or ask with microversion 2.69 or later.");
            }
            return Map.of("server", ServerJson.minimalShow(row, Links.base(), zones.zoneOfHost()));
        }
        return Map.of("server", ServerJson.detail(row, requester, Links.base(), zones.zoneOfHost()));
    }

    /**
     * Servers of a cell that does not answer are Nova's minimal UNKNOWN records from 2.69 on, and left
     * out before it, as Nova does.
     */
    private ResponseEntity<Map<String, Object>> page(Requester requester, ApiVersion version,
                                                     MultiValueMap<String, String> params, String path,
                                                     BiFunction<ServerRow, String, Map<String, Object>> render) {
        ServerQuery query = ServerListQuery.parse(requester, version, params);
        ServerPage page = listing.list(requester, query);
        List<ServerRow> rows = page.rows();
        String base = Links.base();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("servers", rows.stream().filter(row -> !row.cellDown() || version.atLeast(DOWN_CELL_RECORDS))
                .map(row -> render.apply(row, base)).toList());
        if (!rows.isEmpty() && rows.size() == query.limit()) {
            body.put("servers_links", List.of(Map.of("rel", "next", "href",
                    Links.next(base, path, params, rows.get(rows.size() - 1).id()))));
        }
        return ResponseEntity.ok().header(LISTING_HEADER, page.path().headerValue()).body(body);
    }
}
