package io.polycell.query.server;

import java.time.Instant;

/** The position after which a page starts, in the default order (created_at desc, id desc). */
public record ListingCursor(Instant createdAt, String id) {
}
