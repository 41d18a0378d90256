package io.polycell.messages.image;

import java.util.Map;

/**
 * An image as a compute host needs it to boot a guest (Nova's image proxy view of the image service).
 */
public record ImageSpec(String id, String name, int minDiskGb, int minRamMb, long sizeBytes, String diskFormat,
                        Map<String, String> properties) {
}
