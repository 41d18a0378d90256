package io.polycell.messages.quota;

/**
 * Asks the API tier for a project's quota (or one user's in it): the limits in force and what is in
 * use, exact at the moment of the answer. A project that never claimed anything has the defaults.
 */
public record ReadQuota(String projectId, String userId) {
}
