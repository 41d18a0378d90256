package io.polycell.query.host;

import io.polycell.messages.common.Resources;
import io.polycell.messages.host.ComputeServiceIds;
import io.polycell.messages.host.HostCameUp;
import io.polycell.messages.host.HostForcedDown;
import io.polycell.messages.host.HostInventoryChanged;
import io.polycell.messages.host.HostRegistered;
import io.polycell.messages.host.HostResourcesClaimed;
import io.polycell.messages.host.HostResourcesReleased;
import io.polycell.messages.host.HostServiceDisabled;
import io.polycell.messages.host.HostServiceEnabled;
import io.polycell.messages.host.HostWentDown;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The cell-local view of compute hosts ({@code host_view}) behind os-services and os-hypervisors, built
 * from the cell's host events only. Every write sets a value or recounts from the claims, never adds
 * to a counter, so an event handled twice changes nothing and a replay rebuilds the same table, numeric
 * ids included: they follow the order of registration in the cell's stream.
 */
@ProcessingGroup(HostViewProjection.GROUP)
public final class HostViewProjection {

    public static final String GROUP = "host-view";

    private final JdbcTemplate jdbc;

    public HostViewProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(HostRegistered event, @Timestamp Instant at) {
        ComputeServiceIds ids = ComputeServiceIds.of(event.host());
        Resources capacity = event.capacity();
        jdbc.update("INSERT INTO host_view (host, cell, service_id, service_uuid, compute_uuid, vcpus, memory_mb, "
                        + "local_gb, updated_at) SELECT ?, ?, COALESCE(MAX(service_id), 0) + 1, ?, ?, ?, ?, ?, ? "
                        + "FROM host_view ON CONFLICT (host) DO NOTHING", event.host(), event.cell(), ids.service(),
                ids.computeNode(), capacity.vcpus(), capacity.ramMb(), capacity.diskGb(), ts(at));
    }

    @EventHandler
    void on(HostInventoryChanged event, @Timestamp Instant at) {
        Resources capacity = event.capacity();
        jdbc.update("UPDATE host_view SET vcpus = ?, memory_mb = ?, local_gb = ?, updated_at = ? WHERE host = ?",
                capacity.vcpus(), capacity.ramMb(), capacity.diskGb(), ts(at), event.host());
    }

    @EventHandler
    void on(HostResourcesClaimed event) {
        Resources amount = event.amount();
        jdbc.update("INSERT INTO host_view_claim (host, instance_id, vcpus, memory_mb, local_gb) "
                        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (host, instance_id) DO NOTHING", event.host(),
                event.instanceId(), amount.vcpus(), amount.ramMb(), amount.diskGb());
        recountUsage(event.host());
    }

    @EventHandler
    void on(HostResourcesReleased event) {
        jdbc.update("DELETE FROM host_view_claim WHERE host = ? AND instance_id = ?", event.host(),
                event.instanceId());
        recountUsage(event.host());
    }

    @EventHandler
    void on(HostWentDown event, @Timestamp Instant at) {
        jdbc.update("UPDATE host_view SET up = FALSE, updated_at = ? WHERE host = ?", ts(at), event.host());
    }

    @EventHandler
    void on(HostCameUp event, @Timestamp Instant at) {
        jdbc.update("UPDATE host_view SET up = TRUE, updated_at = ? WHERE host = ?", ts(at), event.host());
    }

    @EventHandler
    void on(HostServiceDisabled event, @Timestamp Instant at) {
        jdbc.update("UPDATE host_view SET disabled = TRUE, disabled_reason = ?, updated_at = ? WHERE host = ?",
                event.reason(), ts(at), event.host());
    }

    @EventHandler
    void on(HostServiceEnabled event, @Timestamp Instant at) {
        jdbc.update("UPDATE host_view SET disabled = FALSE, disabled_reason = NULL, updated_at = ? WHERE host = ?",
                ts(at), event.host());
    }

    @EventHandler
    void on(HostForcedDown event, @Timestamp Instant at) {
        jdbc.update("UPDATE host_view SET forced_down = ?, updated_at = ? WHERE host = ?", event.forcedDown(), ts(at),
                event.host());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM host_view_claim");
        jdbc.update("DELETE FROM host_view");
    }

    private void recountUsage(String host) {
        jdbc.update("UPDATE host_view SET (vcpus_used, memory_mb_used, local_gb_used, running_vms) = "
                + "(SELECT COALESCE(SUM(vcpus), 0), COALESCE(SUM(memory_mb), 0), COALESCE(SUM(local_gb), 0), count(*) "
                + "FROM host_view_claim WHERE host = ?) WHERE host = ?", host, host);
    }

    private static java.sql.Timestamp ts(Instant instant) {
        return java.sql.Timestamp.from(instant);
    }
}
