package io.polycell.command.aggregate;

import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;

/**
 * The aggregate operations Nova refuses with an "invalid aggregate action" and how each is answered:
 * adding a host conflicts (409), the others are bad requests (400), each with its own wording.
 */
enum AggregateAction {
    /** {@code add_host}. */
    ADD_HOST(ErrorCode.CONFLICT, "Cannot add host to aggregate "),
    /** {@code PUT} of the name or zone. */
    UPDATE(ErrorCode.BAD_REQUEST, "Cannot update aggregate "),
    /** {@code set_metadata}. */
    UPDATE_METADATA(ErrorCode.BAD_REQUEST, "Cannot update metadata of aggregate "),
    /** {@code DELETE}. */
    DELETE(ErrorCode.BAD_REQUEST, "Cannot remove aggregate ");

    private final ErrorCode code;
    private final String prefix;

    AggregateAction(ErrorCode code, String prefix) {
        this.code = code;
        this.prefix = prefix;
    }

    PolycellException refuse(long aggregateId, String reason) {
        return new PolycellException(code, prefix + aggregateId + ". Reason: " + reason + ".");
    }
}
