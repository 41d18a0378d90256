package io.polycell.command.image;

import io.polycell.messages.image.ImageSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The image catalog that stands in for an image service: Nova only proxies images, so a few built-in
 * images plus those the operator configures are enough for the API's image calls and for boot
 * validation. A configured image's properties reach the host with the spec; the libvirt driver boots
 * {@code kernel_path} and {@code initrd_path} directly when they are given.
 */
public final class ImageCatalog {

    private static final List<ImageSpec> BUILT_IN = List.of(
            new ImageSpec("c1b0e1a5-6e0f-4c8a-9f0e-2b7d3c4e5f61", "cirros-0.6.2-x86_64-disk", 0, 0, 21430272L,
                    "qcow2", Map.of("os_distro", "cirros", "architecture", "x86_64")),
            new ImageSpec("d3b1a7c2-4f5e-4a6b-8c9d-0e1f2a3b4c5d", "debian-12-genericcloud-amd64", 2, 256, 339083264L,
                    "qcow2", Map.of("os_distro", "debian", "architecture", "x86_64")),
            new ImageSpec("e5c2b8d3-5a6f-4b7c-9d0e-1f2a3b4c5d6e", "ubuntu-22.04-server-cloudimg-amd64", 3, 512,
                    686817280L, "qcow2", Map.of("os_distro", "ubuntu", "architecture", "x86_64")));

    private final List<ImageSpec> images;

    /** The built-in images only. */
    public ImageCatalog() {
        this(List.of());
    }

    /** The built-in images and {@code configured}; a configured image may not reuse a built-in id. */
    public ImageCatalog(List<ImageSpec> configured) {
        List<ImageSpec> all = new ArrayList<>(BUILT_IN);
        for (ImageSpec image : configured) {
            if (all.stream().anyMatch(known -> known.id().equals(image.id()))) {
                throw new IllegalArgumentException("Image id " + image.id() + " is used twice");
            }
            all.add(image);
        }
        this.images = List.copyOf(all);
    }

    public List<ImageSpec> all() {
        return images;
    }

    public Optional<ImageSpec> find(String id) {
        return images.stream().filter(image -> image.id().equals(id)).findFirst();
    }
}
