package io.polycell.command.delete;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.polycell.command.routing.CellIdentity;
import io.polycell.command.routing.CommandRouter;
import io.polycell.command.routing.Outcomes;
import io.polycell.messages.host.ReleaseHostResources;
import io.polycell.messages.instance.CompleteInstanceDeletion;
import io.polycell.messages.instance.DestroyGuest;
import io.polycell.messages.instance.GuestDestroyed;
import io.polycell.messages.instance.InstanceDeleted;
import io.polycell.messages.instance.InstanceDeletionStarted;
import jakarta.inject.Inject;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cell conductor's delete task: have the host's agent destroy the guest, give the host its
 * resources back, then finish the delete.
 */
public class DeleteSaga {

    private static final Logger log = LoggerFactory.getLogger(DeleteSaga.class);

    @JsonProperty
    private String instanceId;
    @JsonProperty
    private String host;

    private transient CommandRouter router;
    private transient CellIdentity cell;

    @Inject
    public void setRouter(CommandRouter router) {
        this.router = router;
    }

    @Inject
    public void setCell(CellIdentity cell) {
        this.cell = cell;
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "instanceId")
    void on(InstanceDeletionStarted event) {
        instanceId = event.instanceId();
        host = event.host();
        router.toHost(cell.name(), new DestroyGuest(host, instanceId)).exceptionally(failure -> {
            log.warn("Could not ask host {} to destroy instance {}: {}", host, instanceId, failure.getMessage());
            return null;
        });
    }

    /**
     * The host gets its resources back before the server is deleted, so a server gone from the
     * listings no longer holds a place. A store that does not answer fails the event, which is retried.
     */
    @SagaEventHandler(associationProperty = "instanceId")
    void on(GuestDestroyed event) {
        Outcomes.await(router.toCell(cell.name(), new ReleaseHostResources(host, instanceId)));
        Outcomes.await(router.toCell(cell.name(), new CompleteInstanceDeletion(instanceId)));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "instanceId")
    void on(InstanceDeleted event) {
        log.debug("Instance {} is deleted and host {} has its resources back", instanceId, host);
    }
}
