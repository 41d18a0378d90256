package io.polycell.query.flavor;

import io.polycell.messages.flavor.FlavorCreated;
import io.polycell.messages.flavor.FlavorDeleted;
import io.polycell.messages.flavor.FlavorSpec;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** The flavor catalog as users list it ({@code flavor_view}), from the API tier's flavor events. */
@ProcessingGroup(FlavorViewProjection.GROUP)
public final class FlavorViewProjection {

    public static final String GROUP = "flavor-view";
    private static final RowMapper<FlavorSpec> ROW = (rs, n) -> new FlavorSpec(rs.getString("flavor_id"),
            rs.getString("name"), rs.getInt("vcpus"), rs.getInt("ram_mb"), rs.getInt("disk_gb"),
            rs.getInt("ephemeral_gb"), rs.getInt("swap_mb"), rs.getDouble("rxtx_factor"), rs.getBoolean("is_public"));

    private final JdbcTemplate jdbc;

    public FlavorViewProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(FlavorCreated event) {
        FlavorSpec spec = event.spec();
        jdbc.update("INSERT INTO flavor_view (flavor_id, name, vcpus, ram_mb, disk_gb, ephemeral_gb, swap_mb, "
                        + "rxtx_factor, is_public) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (flavor_id) DO NOTHING",
                spec.id(), spec.name(), spec.vcpus(), spec.ramMb(), spec.diskGb(), spec.ephemeralGb(), spec.swapMb(),
                spec.rxtxFactor(), spec.isPublic());
    }

    @EventHandler
    void on(FlavorDeleted event) {
        jdbc.update("DELETE FROM flavor_view WHERE flavor_id = ?", event.flavorId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM flavor_view");
    }

    /** Every flavor, sorted by id as Nova sorts them by default. */
    public List<FlavorSpec> all() {
        return jdbc.query("SELECT * FROM flavor_view ORDER BY flavor_id", ROW);
    }

    public Optional<FlavorSpec> find(String id) {
        return jdbc.query("SELECT * FROM flavor_view WHERE flavor_id = ?", ROW, id).stream().findFirst();
    }
}
