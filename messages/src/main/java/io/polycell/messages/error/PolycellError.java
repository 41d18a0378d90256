package io.polycell.messages.error;

/**
 * An expected refusal that crosses the command bus: a code the REST layer maps to Nova's error body.
 */
public record PolycellError(ErrorCode code, String message) {
}
