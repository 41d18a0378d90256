package io.polycell.messages.build;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The super-conductor placed the instance in a cell: map it there and delete the build request.
 */
public record CompleteBuildRequest(@TargetAggregateIdentifier String instanceId, String cell) {
}
