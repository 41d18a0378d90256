package io.polycell.messages.instance;

import io.polycell.messages.flavor.FlavorSpec;
import io.polycell.messages.image.ImageSpec;
import java.time.Instant;
import java.util.Map;

/**
 * Everything needed to build an instance, fixed when the API accepts it: compute hosts read nothing
 * else.
 */
public record InstanceSpec(String instanceId, String name, String projectId, String userId, FlavorSpec flavor,
                           ImageSpec image, Map<String, String> metadata, Instant createdAt) {
}
