package io.polycell.messages.quota;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A key pair is deleted: it no longer counts. A key pair not counted changes nothing. */
public record ReleaseKeyPairQuota(@TargetAggregateIdentifier String projectId, String keyPairId) {
}
