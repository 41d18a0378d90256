package io.polycell.query.server;

import io.polycell.messages.listing.ServerField;
import io.polycell.messages.listing.SortKey;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The order of a listing over rows, as the stores' SQL and the search index apply it: each key in
 * its direction, a missing value as the smallest (an empty text, the epoch), texts by code point.
 */
public final class RowOrder {

    private RowOrder() {
    }

    /** The comparator for {@code order}; the first row it puts first is listed first. */
    public static Comparator<ServerRow> of(List<SortKey> order) {
        Comparator<ServerRow> comparator = null;
        for (SortKey key : order) {
            Comparator<ServerRow> byKey = (a, b) -> compare(value(a, key.field()), value(b, key.field()));
            if (key.descending()) {
                byKey = byKey.reversed();
            }
            comparator = comparator == null ? byKey : comparator.thenComparing(byKey);
        }
        return comparator;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Comparable a, Comparable b) {
        return a.compareTo(b);
    }

    /** The value {@code row} is sorted by for {@code field}, a missing one replaced by the smallest. */
    public static Comparable<?> value(ServerRow row, ServerField field) {
        return switch (field) {
            case ID -> text(row.id());
            case NAME -> text(row.name());
            case PROJECT_ID -> text(row.projectId());
            case USER_ID -> text(row.userId());
            case HOST -> text(row.host());
            case FLAVOR_ID -> text(row.flavorId());
            case IMAGE_ID -> text(row.imageId());
            case VM_STATE -> text(row.vmState());
            case TASK_STATE -> text(row.taskState());
            case POWER_STATE -> row.powerState();
            case CREATED_AT -> time(row.createdAt());
            case UPDATED_AT -> time(row.updatedAt());
            case LAUNCHED_AT -> time(row.launchedAt());
            case DELETED_AT -> time(row.deletedAt());
        };
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static Instant time(Instant value) {
        return value == null ? Instant.EPOCH : value;
    }
}
