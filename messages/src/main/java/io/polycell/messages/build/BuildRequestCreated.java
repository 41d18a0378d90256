package io.polycell.messages.build;

import io.polycell.messages.instance.InstanceSpec;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A server was accepted and waits for a cell; it already shows in listings as BUILD.
 *
 * @param batch every instance of the request it came with, in order (itself alone for a single server)
 */
@Revision("1")
public record BuildRequestCreated(String instanceId, InstanceSpec spec, List<String> batch) {

    /** Events recorded before batches existed were single servers. */
    public BuildRequestCreated {
        batch = batch == null || batch.isEmpty() ? List.of(instanceId) : List.copyOf(batch);
    }

    public BuildRequestCreated(String instanceId, InstanceSpec spec) {
        this(instanceId, spec, List.of(instanceId));
    }
}
