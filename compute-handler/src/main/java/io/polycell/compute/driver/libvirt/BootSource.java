package io.polycell.compute.driver.libvirt;

import io.polycell.compute.driver.DriverException;
import io.polycell.messages.image.ImageSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a guest boots from. Chosen apart from the XML so that the one decision touching the host's file
 * system stays out of {@link DomainXml}, which then renders the same spec the same way everywhere.
 */
sealed interface BootSource {

    String KERNEL_PATH = "kernel_path";
    String INITRD_PATH = "initrd_path";
    String KERNEL_CMDLINE = "kernel_cmdline";

    /** Direct kernel boot from files on the host; the guest has no disk. */
    record Kernel(Path kernel, Path initrd, String cmdline) implements BootSource {
    }

    /** Boot from the image's qcow2 file. */
    record Disk(Path file) implements BootSource {
    }

    /** Nothing to boot from: enough for the test driver, and for a guest that only needs to exist. */
    record None() implements BootSource {
    }

    /**
     * Direct kernel boot when the image's properties name a kernel and an initrd; otherwise the image's
     * file in {@code imagesDir} if there is one; otherwise nothing.
     */
    static BootSource of(ImageSpec image, Path imagesDir) {
        if (image == null) {
            return new None();
        }
        Map<String, String> properties = image.properties() == null ? Map.of() : image.properties();
        String kernel = properties.get(KERNEL_PATH);
        String initrd = properties.get(INITRD_PATH);
        if (kernel != null || initrd != null) {
            return kernel(image, kernel, initrd, properties.get(KERNEL_CMDLINE));
        }
        Path file = imageFile(image, imagesDir);
        return Files.isRegularFile(file) ? new Disk(file) : new None();
    }

    private static Kernel kernel(ImageSpec image, String kernel, String initrd, String cmdline) {
        if (kernel == null || initrd == null) {
            throw new DriverException("Image " + image.id() + " sets only one of " + KERNEL_PATH + " and "
                    + INITRD_PATH + "; direct kernel boot needs both");
        }
        return new Kernel(absolute(image, KERNEL_PATH, kernel), absolute(image, INITRD_PATH, initrd), cmdline);
    }

    private static Path absolute(ImageSpec image, String property, String value) {
        Path path = Path.of(value);
        if (!path.isAbsolute()) {
            throw new DriverException("Image " + image.id() + " property " + property + " must be an absolute path on"
                    + " the host, got " + value);
        }
        return path.normalize();
    }

    private static Path imageFile(ImageSpec image, Path imagesDir) {
        Path dir = imagesDir.toAbsolutePath().normalize();
        Path file = dir.resolve(image.id() + ".qcow2").normalize();
        if (!dir.equals(file.getParent())) {
            throw new DriverException("Image id " + image.id() + " is not a plain file name; refusing to look for"
                    + " it outside " + dir);
        }
        return file;
    }
}
