package io.polycell.messages.listing;

import java.util.Objects;

/** One sort_key with its sort_dir. */
public record SortKey(ServerField field, boolean descending) {

    public SortKey {
        Objects.requireNonNull(field, "field");
    }
}
