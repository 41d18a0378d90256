package io.polycell.command.support;

import io.polycell.command.routing.CommandRouter;
import io.polycell.messages.error.PolycellException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.SimpleCommandBus;

/**
 * Real command buses for the API tier and each cell, wired into a real {@link CommandRouter}, whose
 * handlers record what a conductor sends and answer as the test says (accept, or refuse with a
 * coded error).
 */
public final class RecordingStores {

    private final CommandRouter router = new CommandRouter("api");
    private final Map<String, CommandBus> buses = new ConcurrentHashMap<>();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    /** A command as it reached a store, under its command name. */
    public record Sent(String store, String name, Object payload) {
    }

    public RecordingStores(String... stores) {
        for (String store : stores) {
            CommandBus bus = SimpleCommandBus.builder().build();
            buses.put(store, bus);
            router.register(store, bus);
        }
    }

    public CommandRouter router() {
        return router;
    }

    /** Records commands of {@code type} sent to {@code store} and answers with {@code answer}. */
    public <C> RecordingStores on(String store, Class<C> type, Function<C, Object> answer) {
        return on(store, type.getName(), type, answer);
    }

    /** The same for a host-qualified command name. */
    public <C> RecordingStores on(String store, String name, Class<C> type, Function<C, Object> answer) {
        buses.get(store).subscribe(name, message -> {
            C command = type.cast(message.getPayload());
            sent.add(new Sent(store, name, command));
            return answer.apply(command);
        });
        return this;
    }

    /** Records and accepts. */
    public <C> RecordingStores accept(String store, Class<C> type) {
        return on(store, type, command -> null);
    }

    /** Records and refuses with {@code refusal}. */
    public <C> RecordingStores refuse(String store, Class<C> type, PolycellException refusal) {
        return on(store, type, command -> {
            throw refusal;
        });
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    public List<Object> payloadsSentTo(String store) {
        return sent.stream().filter(s -> s.store().equals(store)).map(Sent::payload).toList();
    }
}
