package io.polycell.query.web;

import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;

/** Nova's schema for the query parameters that are counts ({@code limit}, {@code offset}), with its messages. */
final class QueryParameters {

    private QueryParameters() {
    }

    /** A count of 0 or more, or {@code absent} when the parameter is not given. */
    static int count(String name, String value, int absent) {
        if (value == null) {
            return absent;
        }
        if (!value.matches("^[0-9]{1,9}$")) {
            throw new PolycellException(ErrorCode.BAD_REQUEST, "Invalid input for query parameters " + name
                    + ". Value: " + value + ". '" + value + "' does not match '^[0-9]*$'");
        }
        return Integer.parseInt(value);
    }
}
