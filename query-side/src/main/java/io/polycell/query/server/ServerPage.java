package io.polycell.query.server;

import java.util.List;

/** One page of a server listing and how it was read. */
public record ServerPage(List<ServerRow> rows, ListingPath path) {

    public ServerPage {
        rows = List.copyOf(rows);
    }
}
