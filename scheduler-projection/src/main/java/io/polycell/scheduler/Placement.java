package io.polycell.scheduler;

import java.util.List;
import java.util.stream.Stream;

/** Where one instance of a request goes: its host, then up to a few alternates in the same cell. */
public record Placement(String instanceId, Destination primary, List<Destination> alternates) {

    /** The primary first, then the alternates. */
    public List<Destination> candidates() {
        return Stream.concat(Stream.of(primary), alternates.stream()).toList();
    }
}
