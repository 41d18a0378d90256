package io.polycell.command.web;

import io.polycell.command.routing.CommandRouter;
import io.polycell.command.routing.Outcomes;
import io.polycell.messages.build.LocateServer;
import io.polycell.messages.build.ServerLocation;
import io.polycell.messages.common.Requester;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import org.axonframework.modelling.command.AggregateNotFoundException;

/** Where a request on a server goes: the cell that holds it, as its instance mapping says. */
final class ServerCells {

    private ServerCells() {
    }

    /**
     * The cell of server {@code id}; a server the requester may not see is Nova's 404, and one not
     * placed yet is still building, where Nova refuses {@code action} with a 409.
     */
    static String locate(CommandRouter router, String id, Requester requester, String action) {
        ServerLocation location;
        try {
            location = Outcomes.await(router.toApi(new LocateServer(id, requester)));
        } catch (AggregateNotFoundException unknown) {
            throw new PolycellException(ErrorCode.NOT_FOUND, "Instance " + id + " could not be found.");
        }
        if (location.cell() == null) {
            throw new PolycellException(ErrorCode.CONFLICT,
                    "Cannot '" + action + "' instance " + id + " while it is in vm_state building");
        }
        return location.cell();
    }
}
