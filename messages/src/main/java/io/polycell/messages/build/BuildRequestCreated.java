package io.polycell.messages.build;

import io.polycell.messages.instance.InstanceSpec;
import org.axonframework.serialization.Revision;

/**
 * A server was accepted and waits for a cell; it already shows in listings as BUILD.
 */
@Revision("1")
public record BuildRequestCreated(String instanceId, InstanceSpec spec) {
}
