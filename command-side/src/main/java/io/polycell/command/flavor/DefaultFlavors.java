package io.polycell.command.flavor;

import io.polycell.messages.flavor.FlavorSpec;
import java.util.List;

/** Nova's default flavors, m1.tiny to m1.xlarge, with Nova's ids, created on a cloud's first start. */
public final class DefaultFlavors {

    private DefaultFlavors() {
    }

    public static List<FlavorSpec> all() {
        return List.of(
                flavor("1", "m1.tiny", 1, 512, 1),
                flavor("2", "m1.small", 1, 2048, 20),
                flavor("3", "m1.medium", 2, 4096, 40),
                flavor("4", "m1.large", 4, 8192, 80),
                flavor("5", "m1.xlarge", 8, 16384, 160));
    }

    private static FlavorSpec flavor(String id, String name, int vcpus, int ramMb, int diskGb) {
        return new FlavorSpec(id, name, vcpus, ramMb, diskGb, 0, 0, 1.0, true);
    }
}
