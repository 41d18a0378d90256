package io.polycell.command.build;

/** Where a server stands between acceptance and its cell. */
enum BuildStatus {
    /** Accepted; the super-conductor has not mapped it to a cell yet. */
    PENDING,
    /** Mapped to a cell; its build request is deleted. */
    MAPPED,
    /** Deleted by its owner before it reached a cell. */
    CANCELLED
}
