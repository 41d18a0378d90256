package io.polycell.messages.host;

import io.polycell.messages.common.Resources;
import org.axonframework.serialization.Revision;

/**
 * Resources on a host now belong to an instance.
 */
@Revision("1")
public record HostResourcesClaimed(String host, String cell, String instanceId, Resources amount) {
}
