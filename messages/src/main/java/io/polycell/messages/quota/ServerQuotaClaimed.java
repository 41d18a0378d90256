package io.polycell.messages.quota;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A project's quota counts these servers from now on, each with {@code vcpus} and {@code ramMb}, for
 * {@code userId} and, when {@code groupId} is set, as members of that server group.
 */
@Revision("1")
public record ServerQuotaClaimed(String projectId, String userId, List<String> instanceIds, int vcpus, int ramMb,
                                 String groupId) {
}
