package io.polycell.messages.instance;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The server is deleted; its host's resources can be released.
 */
@Revision("1")
public record InstanceDeleted(String instanceId, String host, Instant deletedAt) {
}
