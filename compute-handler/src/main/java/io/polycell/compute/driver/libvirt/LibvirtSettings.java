package io.polycell.compute.driver.libvirt;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How the agent reaches its hypervisor and what it offers. The host's size comes from libvirt's node
 * info unless {@code vcpus} or {@code ramMb} are set, which lets an operator hold part of the host back
 * for itself or overcommit; {@code diskGb} defaults to the size of the file system holding
 * {@code imagesDir}, since that is where guest disks live.
 *
 * @param uri             libvirt connection URI, such as {@code qemu:///system} or {@code test:///path/node.xml}
 * @param domainType      {@code kvm}, {@code qemu} (TCG, no hardware virtualization) or {@code test}
 * @param imagesDir       directory holding {@code <imageId>.qcow2} files
 * @param consoleLogDir   directory for serial console logs; {@code null} gives guests a pty console instead
 * @param vcpus           overrides the host's CPU count; {@code null} to use libvirt's
 * @param ramMb           overrides the host's memory; {@code null} to use libvirt's
 * @param diskGb          overrides the disk offered; {@code null} to use the size of {@code imagesDir}'s file system
 * @param shutdownTimeout how long a graceful power-off may take before the guest is destroyed; {@code null} for 60 s
 */
public record LibvirtSettings(String uri, String domainType, Path imagesDir, Path consoleLogDir, Integer vcpus,
                              Integer ramMb, Integer diskGb, Duration shutdownTimeout) {

    static final Set<String> DOMAIN_TYPES = Set.of("kvm", "qemu", "test");
    static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(60);

    public LibvirtSettings {
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("A libvirt URI is required, such as qemu:///system");
        }
        if (!DOMAIN_TYPES.contains(domainType)) {
            throw new IllegalArgumentException("Domain type must be kvm, qemu or test, got " + domainType);
        }
        Objects.requireNonNull(imagesDir, "imagesDir");
        requirePositive("vcpus", vcpus);
        requirePositive("ramMb", ramMb);
        requirePositive("diskGb", diskGb);
        if (shutdownTimeout == null) {
            shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;
        } else if (shutdownTimeout.isNegative()) {
            throw new IllegalArgumentException("shutdownTimeout cannot be negative, got " + shutdownTimeout);
        }
    }

    private static void requirePositive(String name, Integer value) {
        if (value != null && value <= 0) {
            throw new IllegalArgumentException(name + " must be positive when set, got " + value);
        }
    }
}
