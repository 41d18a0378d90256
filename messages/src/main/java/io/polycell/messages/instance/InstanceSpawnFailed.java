package io.polycell.messages.instance;

import io.polycell.messages.common.Fault;
import org.axonframework.serialization.Revision;

/**
 * The guest could not be spawned: the server is ERROR.
 */
@Revision("1")
public record InstanceSpawnFailed(String instanceId, String host, Fault fault) {
}
