package io.polycell.command.routing;

import io.polycell.messages.instance.HostCommand;
import io.polycell.messages.instance.HostCommandNames;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.GenericMessage;

/**
 * Routes commands to the store that owns them: the API tier, or one cell. Each store has its own
 * command bus; this is the only place that knows them all (Nova's cell message routing, seed 004).
 * In a distributed deployment each bus is an Axon Server context and this router picks the context.
 */
public final class CommandRouter {

    /** The cell that holds instances that failed to build; it has no hosts. */
    public static final String CELL0 = "cell0";

    /** How long a caller waits for a command before it gives up. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, CommandBus> buses = new ConcurrentHashMap<>();
    private final String apiStore;

    public CommandRouter(String apiStore) {
        this.apiStore = apiStore;
    }

    /** Makes a store's command bus reachable under its name. */
    public void register(String store, CommandBus bus) {
        buses.put(store, bus);
    }

    /**
     * Subscribes a handler on a cell's bus: how the cell takes commands for an agent that runs in
     * another process and fetches them over its link.
     */
    public Registration subscribeInCell(String cell, String commandName,
                                        MessageHandler<? super CommandMessage<?>> handler) {
        CommandBus bus = buses.get(cell);
        if (bus == null) {
            throw new IllegalArgumentException("Unknown cell " + cell);
        }
        return bus.subscribe(commandName, handler);
    }

    /** The names of the cells (every store but the API tier's). */
    public Set<String> cells() {
        return buses.keySet().stream().filter(store -> !store.equals(apiStore))
                .collect(Collectors.toUnmodifiableSet());
    }

    public <R> CompletableFuture<R> toApi(Object command) {
        return dispatch(apiStore, GenericCommandMessage.asCommandMessage(command));
    }

    public <R> CompletableFuture<R> toCell(String cell, Object command) {
        return dispatch(cell, GenericCommandMessage.asCommandMessage(command));
    }

    /** Sends a command to one host's agent in {@code cell}, under the host-qualified name. */
    public <R> CompletableFuture<R> toHost(String cell, HostCommand command) {
        String name = HostCommandNames.of(command.getClass(), command.host());
        return dispatch(cell, new GenericCommandMessage<>(new GenericMessage<>(command), name));
    }

    /**
     * Dispatches on the store's bus and completes with the outcome. Refusals are expected here (a full
     * host, a deleted server), so they are left to the caller to judge and log, not logged as warnings.
     */
    private <R> CompletableFuture<R> dispatch(String store, CommandMessage<?> command) {
        CommandBus bus = buses.get(store);
        if (bus == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("Unknown store " + store));
        }
        CompletableFuture<R> result = new CompletableFuture<>();
        bus.dispatch(command, (message, outcome) -> {
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
