package io.polycell.compute.link;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * All an agent knows of its cell: it takes the commands addressed to it by name, and sends commands
 * back. Inside the embedded default this is the cell's command bus ({@link LocalCellLink}); an agent
 * running as its own process reaches its cell over HTTP ({@link HttpCellLink}). Neither gives the
 * agent a way to read a store.
 */
public interface CellLink extends AutoCloseable {

    /** Delivers every command sent under {@code commandName} to {@code handler}, until cancelled. */
    Runnable subscribe(String commandName, Consumer<Object> handler);

    /** Sends a command to the cell and completes with its result. */
    <R> CompletableFuture<R> send(Object command);

    @Override
    default void close() {
    }
}
