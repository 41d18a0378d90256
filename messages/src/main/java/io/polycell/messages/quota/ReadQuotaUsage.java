package io.polycell.messages.quota;

/**
 * Asks the API tier for everything a project's quota counts, server by server, for comparing with a
 * count recomputed from the events.
 */
public record ReadQuotaUsage(String projectId) {
}
