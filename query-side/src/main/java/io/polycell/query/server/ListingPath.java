package io.polycell.query.server;

/** How a page of servers was read; shown in the {@code X-Polycell-Listing} header of every list response. */
public enum ListingPath {
    /** From the search index, in one query. */
    INDEX("index"),
    /** By merging the API tier's build requests and every cell's view. */
    MERGE("merge");

    private final String headerValue;

    ListingPath(String headerValue) {
        this.headerValue = headerValue;
    }

    public String headerValue() {
        return headerValue;
    }
}
