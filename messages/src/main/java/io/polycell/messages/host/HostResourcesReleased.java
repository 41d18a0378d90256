package io.polycell.messages.host;

import io.polycell.messages.common.Resources;
import org.axonframework.serialization.Revision;

/**
 * An instance's resources on a host are free again.
 */
@Revision("1")
public record HostResourcesReleased(String host, String cell, String instanceId, Resources amount) {
}
