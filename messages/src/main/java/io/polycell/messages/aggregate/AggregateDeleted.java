package io.polycell.messages.aggregate;

import org.axonframework.serialization.Revision;

/** An aggregate is gone; it had no hosts, so no host changes zone. */
@Revision("1")
public record AggregateDeleted(String aggregateId, String name) {
}
