package io.polycell.messages.instance;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The guest runs on its host: the server is ACTIVE.
 */
@Revision("1")
public record InstanceSpawned(String instanceId, String host, PowerState powerState, Instant launchedAt) {
}
