package io.polycell.query.server;

import io.polycell.messages.listing.ServerField;
import java.util.EnumMap;
import java.util.Map;

/**
 * How one store's view answers a listing: the select (ending in a WHERE clause) and the SQL expression
 * of every field, a constant where the view has no column for it (a build request has no host yet).
 */
record ViewColumns(String select, Map<ServerField, String> expressions) {

    ViewColumns {
        expressions = new EnumMap<>(expressions);
        for (ServerField field : ServerField.values()) {
            if (!expressions.containsKey(field)) {
                throw new IllegalArgumentException("No expression for " + field);
            }
        }
    }

    String of(ServerField field) {
        return expressions.get(field);
    }

    /** The expression a listing sorts and pages by: a missing value as the smallest there is. */
    String sortable(ServerField field) {
        if (!field.mayBeMissing()) {
            return of(field);
        }
        return switch (field.kind()) {
            case TEXT -> "COALESCE(" + of(field) + ", '')";
            case TIME -> "COALESCE(" + of(field) + ", TIMESTAMPTZ 'epoch')";
            case NUMBER -> of(field);
        };
    }
}
