package io.polycell.messages.error;

/**
 * Carries a {@link PolycellError} through code that throws: aggregates refuse with it, and the REST
 * layer turns it into Nova's error body. Across a bus it travels as the details of Axon's
 * CommandExecutionException, so the code survives serialization.
 */
public class PolycellException extends RuntimeException {

    private final transient PolycellError error;

    public PolycellException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.error = new PolycellError(code, message);
    }

    public PolycellError error() {
        return error;
    }

    public ErrorCode code() {
        return error.code();
    }
}
