package io.polycell.query.server;

import io.polycell.messages.build.BuildRequestCancelled;
import io.polycell.messages.build.BuildRequestCreated;
import io.polycell.messages.build.InstanceMapped;
import io.polycell.messages.instance.InstanceSpec;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Servers accepted but not yet listed by a cell ({@code build_request_view}), from the API tier's
 * events: a build request stays, marked with its cell, until that cell's view has the instance.
 */
@ProcessingGroup(BuildRequestViewProjection.GROUP)
public final class BuildRequestViewProjection {

    public static final String GROUP = "build-request-view";

    private final JdbcTemplate jdbc;

    public BuildRequestViewProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(BuildRequestCreated event) {
        InstanceSpec spec = event.spec();
        jdbc.update("INSERT INTO build_request_view (instance_id, name, project_id, user_id, flavor_id, image_id, "
                        + "metadata, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (instance_id) DO NOTHING",
                spec.instanceId(), spec.name(), spec.projectId(), spec.userId(), spec.flavor().id(), spec.image().id(),
                JsonText.write(spec.metadata()), InstanceViewProjection.ts(spec.createdAt()));
    }

    /** Kept, marked with its cell, until that cell's view has the instance (see ServerListing). */
    @EventHandler
    void on(InstanceMapped event, @Timestamp Instant at) {
        jdbc.update("UPDATE build_request_view SET mapped_cell = ?, mapped_at = ? WHERE instance_id = ?", event.cell(),
                InstanceViewProjection.ts(at), event.instanceId());
    }

    /** Drops build requests handed over to their cell before {@code before}: their cells list them. */
    public int purgeHandedOver(Instant before) {
        return jdbc.update("DELETE FROM build_request_view WHERE mapped_at < ?", InstanceViewProjection.ts(before));
    }

    @EventHandler
    void on(BuildRequestCancelled event) {
        jdbc.update("DELETE FROM build_request_view WHERE instance_id = ?", event.instanceId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM build_request_view");
    }
}
