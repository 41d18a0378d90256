package io.polycell.messages.instance;

import io.polycell.messages.common.Requester;
import io.polycell.messages.image.ImageSpec;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A user asks for an action on a server (stop, start, reboot, pause, unpause, suspend, resume,
 * rebuild, lock, unlock); the instance decides whether its state allows it.
 */
public record RequestServerAction(@TargetAggregateIdentifier String instanceId, String requestId, ServerAction action,
                                  boolean hard, ImageSpec image, Requester requester) {
}
