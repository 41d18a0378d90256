package io.polycell.messages.quota;

/**
 * A server is gone for good (deleted in its cell, or its build request cancelled): the API tier finds
 * its project from the server's mapping and releases its quota there. Sent by whoever saw it go, as
 * often as it likes: the release is counted once.
 */
public record ReturnServerQuota(String instanceId) {
}
