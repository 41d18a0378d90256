package io.polycell.messages.instance;

import org.axonframework.serialization.Revision;

/**
 * The host destroyed the server's guest. The server stays deleting until its host has its resources
 * back, so that a server gone from the listings never still holds a place on its host.
 */
@Revision("1")
public record GuestDestroyed(String instanceId, String host) {
}
