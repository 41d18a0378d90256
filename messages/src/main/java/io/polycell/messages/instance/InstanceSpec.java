package io.polycell.messages.instance;

import io.polycell.messages.flavor.FlavorSpec;
import io.polycell.messages.image.ImageSpec;
import java.time.Instant;
import java.util.Map;

/**
 * Everything needed to build an instance, fixed when the API accepts it: flavor, image, networks,
 * metadata and user data travel with every command to the host, which reads nothing else.
 *
 * @param userData the user data as the API received it (base64), or null
 * @param availabilityZone the zone the user asked for, or null for any
 * @param group the server group the instance joins, or null
 * @param hints the same_host and different_host hints, for placement
 * @param keyName the name of the user's key pair the server was booted with, or null (Nova's
 *                {@code key_name}: a name, not the key, which may be deleted or replaced later)
 */
public record InstanceSpec(String instanceId, String name, String projectId, String userId, FlavorSpec flavor,
                           ImageSpec image, Map<String, String> metadata, NetworkSpec networks, String userData,
                           String availabilityZone, GroupHint group, Instant createdAt, PlacementHints hints,
                           String keyName) {

    public InstanceSpec {
        networks = networks == null ? NetworkSpec.AUTO : networks;
        hints = hints == null ? PlacementHints.NONE : hints;
    }

    /** A spec without a key pair. */
    public InstanceSpec(String instanceId, String name, String projectId, String userId, FlavorSpec flavor,
                        ImageSpec image, Map<String, String> metadata, NetworkSpec networks, String userData,
                        String availabilityZone, GroupHint group, Instant createdAt, PlacementHints hints) {
        this(instanceId, name, projectId, userId, flavor, image, metadata, networks, userData, availabilityZone, group,
                createdAt, hints, null);
    }

    /** A spec without host hints. */
    public InstanceSpec(String instanceId, String name, String projectId, String userId, FlavorSpec flavor,
                        ImageSpec image, Map<String, String> metadata, NetworkSpec networks, String userData,
                        String availabilityZone, GroupHint group, Instant createdAt) {
        this(instanceId, name, projectId, userId, flavor, image, metadata, networks, userData, availabilityZone, group,
                createdAt, PlacementHints.NONE);
    }

    /** A spec with networks allocated automatically and no user data. */
    public InstanceSpec(String instanceId, String name, String projectId, String userId, FlavorSpec flavor,
                        ImageSpec image, Map<String, String> metadata, Instant createdAt) {
        this(instanceId, name, projectId, userId, flavor, image, metadata, NetworkSpec.AUTO, null, null, null,
                createdAt);
    }

    /** The same instance with other metadata. */
    public InstanceSpec withMetadata(Map<String, String> newMetadata) {
        return new InstanceSpec(instanceId, name, projectId, userId, flavor, image, newMetadata, networks, userData,
                availabilityZone, group, createdAt, hints, keyName);
    }

    /** The same instance booted from another image (a rebuild). */
    public InstanceSpec withImage(ImageSpec newImage) {
        return new InstanceSpec(instanceId, name, projectId, userId, flavor, newImage, metadata, networks, userData,
                availabilityZone, group, createdAt, hints, keyName);
    }
}
