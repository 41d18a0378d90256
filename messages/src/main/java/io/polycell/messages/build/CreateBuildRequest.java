package io.polycell.messages.build;

import io.polycell.messages.common.Requester;
import io.polycell.messages.instance.NetworkSpec;
import io.polycell.messages.instance.PlacementHints;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Accepts a new server: the API tier resolves flavor and image and records a build request.
 *
 * @param hints the same_host and different_host hints
 * @param batch every instance of the request this one came with (min_count/max_count), in order; the
 *     scheduler places them in one decision
 */
public record CreateBuildRequest(@TargetAggregateIdentifier String instanceId, String name, String flavorRef,
                                 String imageRef, Map<String, String> metadata, NetworkSpec networks, String userData,
                                 String availabilityZone, String groupId, Requester requester, PlacementHints hints,
                                 List<String> batch) {

    public CreateBuildRequest {
        hints = hints == null ? PlacementHints.NONE : hints;
        batch = batch == null || batch.isEmpty() ? List.of(instanceId) : List.copyOf(batch);
    }

    /** A request for one server without host hints. */
    public CreateBuildRequest(String instanceId, String name, String flavorRef, String imageRef,
                              Map<String, String> metadata, NetworkSpec networks, String userData,
                              String availabilityZone, String groupId, Requester requester) {
        this(instanceId, name, flavorRef, imageRef, metadata, networks, userData, availabilityZone, groupId, requester,
                null, null);
    }
}
