package io.polycell.messages.instance;

/**
 * The command name a host command travels under: the message type, {@code @}, the host. Each agent
 * subscribes only to its own names, which is how "a command for host H reaches only H's agent" holds
 * on a local bus and on a distributed one alike.
 */
public final class HostCommandNames {

    private HostCommandNames() {
    }

    /** The name under which commands of {@code type} for {@code host} are dispatched. */
    public static String of(Class<? extends HostCommand> type, String host) {
        return type.getName() + "@" + host;
    }
}
