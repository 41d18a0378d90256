package io.polycell.messages.common;

/**
 * Who made an API request: the token's user and project, and whether the user is an admin.
 */
public record Requester(String userId, String projectId, boolean admin) {
}
