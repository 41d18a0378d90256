package io.polycell.messages.build;

/**
 * Where a server to delete lives: the cell, or none when its build request was cancelled.
 */
public record ServerLocation(String cell, String groupId) {
}
