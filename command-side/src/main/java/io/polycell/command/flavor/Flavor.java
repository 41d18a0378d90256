package io.polycell.command.flavor;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import io.polycell.messages.flavor.CreateFlavor;
import io.polycell.messages.flavor.DeleteFlavor;
import io.polycell.messages.flavor.DeleteFlavorExtraSpec;
import io.polycell.messages.flavor.FlavorCreated;
import io.polycell.messages.flavor.FlavorDeleted;
import io.polycell.messages.flavor.FlavorExtraSpecDeleted;
import io.polycell.messages.flavor.FlavorExtraSpecsSet;
import io.polycell.messages.flavor.FlavorSpec;
import io.polycell.messages.flavor.SetFlavorExtraSpecs;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A flavor in the API tier's catalog. Its id is the flavor id users pass as {@code flavorRef}, so a
 * second flavor with the same id cannot be created. Once deleted it cannot be loaded, so no new
 * server can be built with it. Its extra specs can change at any time; a server keeps the ones its
 * flavor had when the server was accepted, as Nova keeps a copy of the flavor in the instance.
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

    /**
     * Records every key given, even one that already has that value, as Nova saves them: a write that
     * answers 200 is always in the flavor's history, whatever state the write was decided against.
     */
    @CommandHandler
    void handle(SetFlavorExtraSpecs command) {
        if (!command.extraSpecs().isEmpty()) {
            apply(new FlavorExtraSpecsSet(flavorId, command.extraSpecs()));
        }
    }

    @CommandHandler
    void handle(DeleteFlavorExtraSpec command) {
        if (!spec.extraSpecs().containsKey(command.key())) {
            throw new PolycellException(ErrorCode.NOT_FOUND,
                    "Flavor " + flavorId + " has no extra specs with key " + command.key() + ".");
        }
        apply(new FlavorExtraSpecDeleted(flavorId, command.key()));
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
    void on(FlavorExtraSpecsSet event) {
        Map<String, String> extraSpecs = new HashMap<>(spec.extraSpecs());
        extraSpecs.putAll(event.extraSpecs());
        spec = spec.withExtraSpecs(extraSpecs);
    }

    @EventSourcingHandler
    void on(FlavorExtraSpecDeleted event) {
        Map<String, String> extraSpecs = new HashMap<>(spec.extraSpecs());
        extraSpecs.remove(event.key());
        spec = spec.withExtraSpecs(extraSpecs);
    }

    @EventSourcingHandler
    void on(FlavorDeleted event) {
        markDeleted();
    }
}
