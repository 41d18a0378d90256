package io.polycell.messages.build;

import io.polycell.messages.common.Requester;
import io.polycell.messages.instance.NetworkSpec;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * One new server of an {@link AdmitServers}: the API tier resolves flavor and image, claims quota and
 * records a build request.
 */
public record CreateBuildRequest(@TargetAggregateIdentifier String instanceId, String name, String flavorRef,
                                 String imageRef, Map<String, String> metadata, NetworkSpec networks, String userData,
                                 String availabilityZone, String groupId, Requester requester) {
}
