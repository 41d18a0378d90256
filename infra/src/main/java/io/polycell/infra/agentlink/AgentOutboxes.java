package io.polycell.infra.agentlink;

import io.polycell.command.routing.CommandRouter;
import io.polycell.compute.link.WireMessages;
import io.polycell.messages.instance.HostCommand;
import io.polycell.messages.instance.HostCommandNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The commands waiting for agents that run in their own processes: once a host attaches, its cell's
 * bus hands every command for that host to the host's outbox, and the agent fetches them by long
 * polling. Kept in memory: a command lost with this process is failed by the conductor's deadline.
 */
public final class AgentOutboxes {

    private static final Logger log = LoggerFactory.getLogger(AgentOutboxes.class);
    private static final int MAX_BATCH = 100;

    private final CommandRouter router;
    private final Map<String, BlockingQueue<ObjectNode>> outboxes = new ConcurrentHashMap<>();

    public AgentOutboxes(CommandRouter router) {
        this.router = router;
    }

    /** Routes the host's commands to its outbox from now on; attaching again changes nothing. */
    public void attach(String cell, String host) {
        outboxes.computeIfAbsent(key(cell, host), key -> {
            BlockingQueue<ObjectNode> outbox = new LinkedBlockingQueue<>();
            for (Class<? extends HostCommand> type : HostCommandNames.TYPES) {
                String name = HostCommandNames.of(type, host);
                router.subscribeInCell(cell, name, (CommandMessage<?> message) -> {
                    outbox.add(WireMessages.named(name, message.getPayload()));
                    return null;
                });
            }
            log.info("Host {} attached to {} over its link", host, cell);
            return outbox;
        });
    }

    /** The host's waiting commands, waiting up to {@code wait} for the first one. */
    public List<ObjectNode> take(String cell, String host, Duration wait) throws InterruptedException {
        BlockingQueue<ObjectNode> outbox = outboxes.get(key(cell, host));
        if (outbox == null) {
            throw new IllegalStateException("Host " + host + " is not attached to " + cell);
        }
        List<ObjectNode> batch = new ArrayList<>();
        ObjectNode first = outbox.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (first != null) {
            batch.add(first);
            outbox.drainTo(batch, MAX_BATCH - 1);
        }
        return batch;
    }

    private static String key(String cell, String host) {
        return cell + "/" + host;
    }
}
