package io.polycell.messages.listing;

/** Which servers a listing takes by their deletion, as Nova's {@code deleted} and {@code changes-since} say. */
public enum Deletion {
    /** Live servers only: the default. */
    LIVE,
    /** Deleted servers only: {@code deleted=true}, or {@code status=DELETED}, for admins. */
    DELETED,
    /** Both: {@code changes-since} without {@code deleted}. */
    ANY
}
