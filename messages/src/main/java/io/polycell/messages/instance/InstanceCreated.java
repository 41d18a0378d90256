package io.polycell.messages.instance;

import org.axonframework.serialization.Revision;

/**
 * The instance exists in its cell, placed on a host, and waits for the host to spawn it.
 */
@Revision("1")
public record InstanceCreated(String instanceId, String cell, String host, InstanceSpec spec) {
}
