package io.polycell.compute.link;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.Registration;

/** The cell's own command bus, for agents that run in the cell's process. */
public final class LocalCellLink implements CellLink {

    private final CommandBus bus;

    public LocalCellLink(CommandBus bus) {
        this.bus = bus;
    }

    @Override
    public Runnable subscribe(String commandName, Consumer<Object> handler) {
        Registration registration = bus.subscribe(commandName, (CommandMessage<?> message) -> {
            handler.accept(message.getPayload());
            return null;
        });
        return registration::cancel;
    }

    @Override
    public <R> CompletableFuture<R> send(Object command) {
        CompletableFuture<R> result = new CompletableFuture<>();
        bus.dispatch(GenericCommandMessage.asCommandMessage(command), (message, outcome) -> {
            if (outcome.isExceptional()) {
                result.completeExceptionally(outcome.exceptionResult());
            } else {
                @SuppressWarnings("unchecked")
                R payload = (R) outcome.getPayload();
                result.complete(payload);
            }
        });
        return result;
    }
}
