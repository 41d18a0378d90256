package io.polycell.command;

import io.polycell.messages.build.CreateBuildRequest;
import io.polycell.messages.common.Requester;
import io.polycell.messages.flavor.FlavorSpec;
import io.polycell.messages.image.ImageSpec;
import io.polycell.messages.instance.InstanceSpec;
import io.polycell.messages.instance.NetworkSpec;
import java.time.Instant;
import java.util.Map;

/** Test values shared by the fixture tests. */
public final class Specs {

    public static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    public static final FlavorSpec TINY = new FlavorSpec("1", "m1.tiny", 1, 512, 1, 0, 0, 1.0, true);
    public static final ImageSpec CIRROS = new ImageSpec("c1b0e1a5-6e0f-4c8a-9f0e-2b7d3c4e5f61",
            "cirros-0.6.2-x86_64-disk", 0, 0, 21430272L, "qcow2", Map.of("os_distro", "cirros", "architecture", "x86_64"));
    public static final Requester OWNER = new Requester("alice", "tenant-a", false);
    public static final Requester STRANGER = new Requester("mallory", "tenant-m", false);
    public static final Requester ADMIN = new Requester("admin", "ops", true);

    private Specs() {
    }

    public static InstanceSpec instance(String id) {
        return new InstanceSpec(id, "vm-" + id, OWNER.projectId(), OWNER.userId(), TINY, CIRROS, Map.of("role", "web"),
                NOW);
    }

    /** The owner's request for one m1.tiny ({@code flavorRef} 1) of CirrOS, joining {@code groupId} or none. */
    public static CreateBuildRequest buildRequest(String id, String groupId) {
        return new CreateBuildRequest(id, "vm-" + id, TINY.id(), CIRROS.id(), Map.of(), NetworkSpec.AUTO, null, null,
                groupId, OWNER);
    }
}
