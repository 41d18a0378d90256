package io.polycell.messages.listing;

/**
 * What a server listing can sort on, each with its name in the search index and the kind of value it
 * holds. A missing value (no host yet, never launched) counts as the smallest there is, on every path:
 * an empty text, the epoch.
 */
public enum ServerField {
    ID("id", Kind.TEXT, false),
    NAME("name", Kind.TEXT, false),
    PROJECT_ID("project_id", Kind.TEXT, false),
    USER_ID("user_id", Kind.TEXT, false),
    HOST("host", Kind.TEXT, true),
    FLAVOR_ID("flavor_id", Kind.TEXT, false),
    IMAGE_ID("image_id", Kind.TEXT, false),
    VM_STATE("vm_state", Kind.TEXT, false),
    TASK_STATE("task_state", Kind.TEXT, true),
    POWER_STATE("power_state", Kind.NUMBER, false),
    CREATED_AT("created_at", Kind.TIME, false),
    UPDATED_AT("updated_at", Kind.TIME, false),
    LAUNCHED_AT("launched_at", Kind.TIME, true),
    DELETED_AT("deleted_at", Kind.TIME, true);

    /** Text compares by code point, times by instant, numbers by value. */
    public enum Kind { TEXT, TIME, NUMBER }

    private final String indexField;
    private final Kind kind;
    private final boolean mayBeMissing;

    ServerField(String indexField, Kind kind, boolean mayBeMissing) {
        this.indexField = indexField;
        this.kind = kind;
        this.mayBeMissing = mayBeMissing;
    }

    /** Whether a server may have no value for this field (no host yet, no task, never launched). */
    public boolean mayBeMissing() {
        return mayBeMissing;
    }

    public String indexField() {
        return indexField;
    }

    public Kind kind() {
        return kind;
    }
}
