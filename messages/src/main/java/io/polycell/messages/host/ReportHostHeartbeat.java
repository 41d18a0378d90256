package io.polycell.messages.host;

/**
 * A compute agent says it is alive; kept in memory by the cell, never stored per beat.
 */
public record ReportHostHeartbeat(String host, String cell) {
}
