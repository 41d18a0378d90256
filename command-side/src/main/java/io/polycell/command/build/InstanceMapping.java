package io.polycell.command.build;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.polycell.messages.build.BuildRequestCancelled;
import io.polycell.messages.build.BuildRequestCreated;
import io.polycell.messages.build.BuildRequestDeleted;
import io.polycell.messages.build.CompleteBuildRequest;
import io.polycell.messages.build.DeleteServer;
import io.polycell.messages.build.InstanceMapped;
import io.polycell.messages.build.LocateServer;
import io.polycell.messages.build.ServerLocation;
import io.polycell.messages.common.Requester;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import io.polycell.messages.instance.InstanceSpec;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A server as the API tier knows it: first its build request, then the cell it was mapped to (as in
 * Nova, the mapping exists from the moment the API accepts the server, and gets its cell on
 * placement). It decides the races between placement and deletion: a server deleted before it is
 * mapped is cancelled, and the super-conductor learns so when it tries to map it.
 */
public class InstanceMapping {

    @AggregateIdentifier
    private String instanceId;
    private String projectId;
    private BuildStatus status;
    private String cell;
    private String groupId;

    private InstanceMapping() {
    }

    InstanceMapping(InstanceSpec spec) {
        this(spec, List.of(spec.instanceId()));
    }

    /** A build request that came with others in one multi-create, all listed in {@code batch}. */
    InstanceMapping(InstanceSpec spec, List<String> batch) {
        apply(new BuildRequestCreated(spec.instanceId(), spec, batch));
    }

    @CommandHandler
    void handle(CompleteBuildRequest command) {
        switch (status) {
            case PENDING -> {
                apply(new InstanceMapped(instanceId, command.cell(), projectId));
                apply(new BuildRequestDeleted(instanceId));
            }
            case MAPPED -> {
                if (!cell.equals(command.cell())) {
                    throw new PolycellException(ErrorCode.CONFLICT,
                            "Instance " + instanceId + " is already mapped to " + cell);
                }
            }
            case CANCELLED -> throw new PolycellException(ErrorCode.BUILD_CANCELLED,
                    "Instance " + instanceId + " was deleted before it was mapped");
        }
    }

    @CommandHandler
    ServerLocation handle(DeleteServer command) {
        if (status == BuildStatus.CANCELLED || !visibleTo(command.requester())) {
            throw new PolycellException(ErrorCode.NOT_FOUND, "Instance " + instanceId + " could not be found.");
        }
        if (status == BuildStatus.MAPPED) {
            return new ServerLocation(cell, groupId);
        }
        apply(new BuildRequestCancelled(instanceId, projectId));
        return new ServerLocation(null, groupId);
    }

    @CommandHandler
    ServerLocation handle(LocateServer command) {
        if (status == BuildStatus.CANCELLED || !visibleTo(command.requester())) {
            throw new PolycellException(ErrorCode.NOT_FOUND, "Instance " + instanceId + " could not be found.");
        }
        return new ServerLocation(cell, groupId);
    }

    /** The project the server belongs to, for as long as it exists. */
    String projectId() {
        return projectId;
    }

    private boolean visibleTo(Requester requester) {
        return requester.admin() || requester.projectId().equals(projectId);
    }

    @EventSourcingHandler
    void on(BuildRequestCreated event) {
        instanceId = event.instanceId();
        projectId = event.spec().projectId();
        groupId = event.spec().group() == null ? null : event.spec().group().groupId();
        status = BuildStatus.PENDING;
    }

    @EventSourcingHandler
    void on(InstanceMapped event) {
        cell = event.cell();
        status = BuildStatus.MAPPED;
    }

    @EventSourcingHandler
    void on(BuildRequestCancelled event) {
        status = BuildStatus.CANCELLED;
    }
}
