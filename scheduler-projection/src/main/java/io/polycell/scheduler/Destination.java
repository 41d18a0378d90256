package io.polycell.scheduler;

/** A host the scheduler proposes, and the cell it lives in. */
public record Destination(String host, String cell) {
}
