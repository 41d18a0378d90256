package io.polycell.compute.driver.libvirt;

import io.polycell.messages.flavor.FlavorSpec;
import io.polycell.messages.image.ImageSpec;
import io.polycell.messages.instance.InstanceSpec;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Instance specs for tests: only what the driver reads varies. */
final class TestSpecs {

    static final String PROJECT = "4f1c0b6e9a2d4c6f8e0a1b2c3d4e5f60";
    static final String USER = "9a8b7c6d5e4f30211203948576abcdef";

    private TestSpecs() {
    }

    static InstanceSpec instance(int vcpus, int ramMb) {
        return instance(UUID.randomUUID().toString(), flavor(vcpus, ramMb), image("cirros", Map.of()));
    }

    static InstanceSpec instance(String instanceId, FlavorSpec flavor, ImageSpec image) {
        return new InstanceSpec(instanceId, "web-1", PROJECT, USER, flavor, image, Map.of("role", "web"),
                Instant.parse("2025-01-02T03:04:05Z"));
    }

    static FlavorSpec flavor(int vcpus, int ramMb) {
        return new FlavorSpec("f-" + vcpus + "-" + ramMb, "m" + vcpus + "." + ramMb, vcpus, ramMb, 10, 0, 0, 1.0, true);
    }

    static ImageSpec image(String id, Map<String, String> properties) {
        return new ImageSpec(id, id + "-image", 1, 64, 1024, "qcow2", properties);
    }

    static InstanceSpec withFlavorAndImage(InstanceSpec spec, FlavorSpec flavor, ImageSpec image) {
        return new InstanceSpec(spec.instanceId(), spec.name(), spec.projectId(), spec.userId(), flavor, image,
                spec.metadata(), spec.createdAt());
    }
}
