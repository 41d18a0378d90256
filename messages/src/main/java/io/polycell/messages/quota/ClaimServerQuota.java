package io.polycell.messages.quota;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks a project's quota to count new servers before their build requests are recorded. It takes
 * all of {@code instanceIds} if they fit, else as many as fit if that is at least {@code minCount}
 * (the first ones), else none and refuses with Nova's 403. Answers the ids it took.
 *
 * @param vcpus each server's vCPUs
 * @param ramMb each server's RAM in MB
 * @param metadataItems how many metadata items each server carries (checked, never counted)
 * @param groupId the server group the servers join, or null
 */
public record ClaimServerQuota(@TargetAggregateIdentifier String projectId, String userId, List<String> instanceIds,
                               int minCount, int vcpus, int ramMb, int metadataItems, String groupId) {

    public ClaimServerQuota {
        instanceIds = List.copyOf(instanceIds);
        if (instanceIds.isEmpty() || minCount < 1 || minCount > instanceIds.size()) {
            throw new IllegalArgumentException("A claim is for 1 to " + instanceIds.size() + " servers at least, got "
                    + minCount);
        }
    }
}
