package io.polycell.command.flavor;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import io.polycell.messages.flavor.CreateFlavor;
import io.polycell.messages.flavor.DeleteFlavor;
import io.polycell.messages.flavor.FlavorCreated;
import io.polycell.messages.flavor.FlavorDeleted;
import io.polycell.messages.flavor.FlavorSpec;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A flavor in the API tier's catalog. Its id is the flavor id users pass as {@code flavorRef}, so a
 * second flavor with the same id cannot be created. Once deleted it cannot be loaded, so no new
 * server can be built with it.
 */
public class Flavor {

    @AggregateIdentifier
    private String flavorId;
    private FlavorSpec spec;

    private Flavor() {
    }

    @CommandHandler
    Flavor(CreateFlavor command) {
        apply(new FlavorCreated(command.flavorId(), command.spec()));
    }

    @CommandHandler
    void handle(DeleteFlavor command) {
        apply(new FlavorDeleted(flavorId));
    }

    /** The spec a new server copies; later changes to the flavor never touch existing servers. */
    public FlavorSpec spec() {
        return spec;
    }

    @EventSourcingHandler
    void on(FlavorCreated event) {
        flavorId = event.flavorId();
        spec = event.spec();
    }

    @EventSourcingHandler
    void on(FlavorDeleted event) {
        markDeleted();
    }
}
