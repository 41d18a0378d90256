package io.polycell.messages.instance;

import io.polycell.messages.common.Fault;
import org.axonframework.serialization.Revision;

/**
 * An instance that could not be built lives on in ERROR so its owner can see why.
 */
@Revision("1")
public record FailedInstanceCreated(String instanceId, String cell, InstanceSpec spec, Fault fault) {
}
