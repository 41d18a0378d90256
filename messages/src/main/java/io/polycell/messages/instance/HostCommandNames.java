package io.polycell.messages.instance;

import java.util.List;

/**
 * The command name a host command travels under: the message type, {@code @}, the host. Each agent
 * subscribes only to its own names, which is how "a command for host H reaches only H's agent" holds
 * on a local bus and on a distributed one alike.
 */
public final class HostCommandNames {

    /** Every kind of command a host's agent takes. */
    public static final List<Class<? extends HostCommand>> TYPES = List.of(SpawnInstance.class, DestroyGuest.class,
            RunServerAction.class);

    private HostCommandNames() {
    }

    /** The name under which commands of {@code type} for {@code host} are dispatched. */
    public static String of(Class<? extends HostCommand> type, String host) {
        return type.getName() + "@" + host;
    }
}
