package io.polycell.messages.common;

import java.time.Instant;

/**
 * Why an instance is in ERROR, as Nova shows it in a server's fault.
 */
public record Fault(int code, String message, String details, Instant created) {
}
