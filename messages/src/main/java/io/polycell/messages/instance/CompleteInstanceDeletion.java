package io.polycell.messages.instance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The conductor finishes a delete once the guest is gone and its host has its resources back. */
public record CompleteInstanceDeletion(@TargetAggregateIdentifier String instanceId) {
}
