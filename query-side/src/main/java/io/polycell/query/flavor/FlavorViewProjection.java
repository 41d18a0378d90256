package io.polycell.query.flavor;

import io.polycell.messages.flavor.FlavorCreated;
import io.polycell.messages.flavor.FlavorDeleted;
import io.polycell.messages.flavor.FlavorExtraSpecDeleted;
import io.polycell.messages.flavor.FlavorExtraSpecsSet;
import io.polycell.messages.flavor.FlavorSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The flavor catalog as users list it ({@code flavor_view}, with each flavor's extra specs in
 * {@code flavor_extra_spec_view}), from the API tier's flavor events.
 */
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
        setExtraSpecs(event.flavorId(), spec.extraSpecs());
    }

    @EventHandler
    void on(FlavorExtraSpecsSet event) {
        setExtraSpecs(event.flavorId(), event.extraSpecs());
    }

    @EventHandler
    void on(FlavorExtraSpecDeleted event) {
        jdbc.update("DELETE FROM flavor_extra_spec_view WHERE flavor_id = ? AND spec_key = ?", event.flavorId(),
                event.key());
    }

    @EventHandler
    void on(FlavorDeleted event) {
        jdbc.update("DELETE FROM flavor_extra_spec_view WHERE flavor_id = ?", event.flavorId());
        jdbc.update("DELETE FROM flavor_view WHERE flavor_id = ?", event.flavorId());
    }

    private void setExtraSpecs(String flavorId, Map<String, String> extraSpecs) {
        extraSpecs.forEach((key, value) -> jdbc.update("INSERT INTO flavor_extra_spec_view (flavor_id, spec_key, "
                + "spec_value) VALUES (?, ?, ?) ON CONFLICT (flavor_id, spec_key) DO UPDATE SET spec_value = "
                + "EXCLUDED.spec_value", flavorId, key, value));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM flavor_extra_spec_view");
        jdbc.update("DELETE FROM flavor_view");
    }

    /** Every flavor with its extra specs, sorted by id as Nova sorts them by default. */
    public List<FlavorSpec> all() {
        Map<String, Map<String, String>> extraSpecs = new HashMap<>();
        jdbc.query("SELECT flavor_id, spec_key, spec_value FROM flavor_extra_spec_view", rs -> {
            extraSpecs.computeIfAbsent(rs.getString("flavor_id"), id -> new HashMap<>())
                    .put(rs.getString("spec_key"), rs.getString("spec_value"));
        });
        return jdbc.query("SELECT * FROM flavor_view ORDER BY flavor_id", ROW).stream()
                .map(flavor -> flavor.withExtraSpecs(extraSpecs.get(flavor.id()))).toList();
    }

    /** One flavor with its extra specs. */
    public Optional<FlavorSpec> find(String id) {
        return jdbc.query("SELECT * FROM flavor_view WHERE flavor_id = ?", ROW, id).stream().findFirst()
                .map(flavor -> flavor.withExtraSpecs(extraSpecsOf(id)));
    }

    private Map<String, String> extraSpecsOf(String flavorId) {
        Map<String, String> extraSpecs = new HashMap<>();
        jdbc.query("SELECT spec_key, spec_value FROM flavor_extra_spec_view WHERE flavor_id = ?",
                rs -> {
                    extraSpecs.put(rs.getString("spec_key"), rs.getString("spec_value"));
                }, flavorId);
        return extraSpecs;
    }
}
