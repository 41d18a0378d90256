package io.polycell.messages.instance;

import java.util.Map;
import org.axonframework.serialization.Revision;

/** A server's metadata is now {@code metadata}: all of it, so a view replaces what it had. */
@Revision("1")
public record InstanceMetadataChanged(String instanceId, Map<String, String> metadata) {

    public InstanceMetadataChanged {
        metadata = Map.copyOf(metadata);
    }
}
