package io.polycell.messages.build;

import io.polycell.messages.common.Requester;
import io.polycell.messages.instance.NetworkSpec;
import io.polycell.messages.instance.PlacementHints;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * One new server of an {@link AdmitServers}: the API tier resolves flavor and image, claims quota and
 * records a build request. The servers admitted together are placed in one decision.
 *
 * @param hints the same_host and different_host hints
 * @param keyName the requester's key pair to put on the server, or null
 */
public record CreateBuildRequest(@TargetAggregateIdentifier String instanceId, String name, String flavorRef,
                                 String imageRef, Map<String, String> metadata, NetworkSpec networks, String userData,
                                 String availabilityZone, String groupId, Requester requester, PlacementHints hints,
                                 String keyName) {

    public CreateBuildRequest {
        hints = hints == null ? PlacementHints.NONE : hints;
    }

    /** A server without a key pair. */
    public CreateBuildRequest(String instanceId, String name, String flavorRef, String imageRef,
                              Map<String, String> metadata, NetworkSpec networks, String userData,
                              String availabilityZone, String groupId, Requester requester, PlacementHints hints) {
        this(instanceId, name, flavorRef, imageRef, metadata, networks, userData, availabilityZone, groupId, requester,
                hints, null);
    }

    /** A server without host hints or a key pair. */
    public CreateBuildRequest(String instanceId, String name, String flavorRef, String imageRef,
                              Map<String, String> metadata, NetworkSpec networks, String userData,
                              String availabilityZone, String groupId, Requester requester) {
        this(instanceId, name, flavorRef, imageRef, metadata, networks, userData, availabilityZone, groupId, requester,
                null, null);
    }
}
