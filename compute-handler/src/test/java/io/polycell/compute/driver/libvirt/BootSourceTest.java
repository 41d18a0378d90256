package io.polycell.compute.driver.libvirt;

import static io.polycell.compute.driver.libvirt.TestSpecs.image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polycell.compute.driver.DriverException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootSourceTest {

    @TempDir
    Path imagesDir;

    @Test
    void bootsTheKernelDirectlyWhenTheImageNamesKernelAndInitrd() throws Exception {
        Files.writeString(imagesDir.resolve("tiny.qcow2"), "ignored when a kernel is given");
        Map<String, String> properties = Map.of("kernel_path", "/srv/boot/vmlinuz", "initrd_path", "/srv/boot/initrd",
                "kernel_cmdline", "console=ttyS0");

        assertThat(BootSource.of(image("tiny", properties), imagesDir)).isEqualTo(new BootSource.Kernel(
                Path.of("/srv/boot/vmlinuz"), Path.of("/srv/boot/initrd"), "console=ttyS0"));
    }

    @Test
    void bootsFromTheImageFileWhenItIsThere() throws Exception {
        Path file = Files.writeString(imagesDir.resolve("cirros.qcow2"), "qcow2");

        assertThat(BootSource.of(image("cirros", Map.of()), imagesDir)).isEqualTo(new BootSource.Disk(file));
    }

    @Test
    void hasNothingToBootWithoutKernelOrFile() {
        assertThat(BootSource.of(image("cirros", Map.of()), imagesDir)).isEqualTo(new BootSource.None());
        assertThat(BootSource.of(null, imagesDir)).as("no image").isEqualTo(new BootSource.None());
    }

    @Test
    void refusesAKernelWithoutInitrd() {
        assertThatThrownBy(() -> BootSource.of(image("half", Map.of("kernel_path", "/k")), imagesDir))
                .isInstanceOf(DriverException.class)
                .hasMessage("Image half sets only one of kernel_path and initrd_path; direct kernel boot needs both");
    }

    @Test
    void refusesARelativeKernelPath() {
        assertThatThrownBy(() -> BootSource.of(image("rel", Map.of("kernel_path", "boot/k", "initrd_path", "/i")),
                imagesDir))
                .isInstanceOf(DriverException.class)
                .hasMessageContaining("kernel_path must be an absolute path on the host, got boot/k");
    }

    @Test
    void refusesAnImageIdThatWouldLeaveTheImagesDirectory() {
        assertThatThrownBy(() -> BootSource.of(image("../../etc/shadow", Map.of()), imagesDir))
                .isInstanceOf(DriverException.class)
                .hasMessageContaining("is not a plain file name");
    }
}
