package io.polycell.command.quota;

import io.polycell.messages.quota.ProjectUsage;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One project's usage as its quota counts it ({@code live}) beside the same recomputed from the
 * events ({@code recomputed}). They differ only while a release is on its way, or when something
 * was missed; the servers, groups and key pairs on one side only, and the groups whose members
 * differ, say what.
 */
public record QuotaDrift(String projectId, ProjectUsage live, ProjectUsage recomputed) {

    public boolean drifted() {
        return !live.equals(recomputed);
    }

    /** Servers the quota still counts although the events say they are gone (or never recorded). */
    public Set<String> serversCountedButGone() {
        return only(live.servers(), recomputed.servers());
    }

    /** Servers the events say exist but the quota does not count. */
    public Set<String> serversNotCounted() {
        return only(recomputed.servers(), live.servers());
    }

    public Set<String> serverGroupsCountedButGone() {
        return only(live.serverGroups(), recomputed.serverGroups());
    }

    public Set<String> serverGroupsNotCounted() {
        return only(recomputed.serverGroups(), live.serverGroups());
    }

    /** Key pairs the quota still counts although the events say they were deleted. */
    public Set<String> keyPairsCountedButGone() {
        return only(live.keyPairs(), recomputed.keyPairs());
    }

    public Set<String> keyPairsNotCounted() {
        return only(recomputed.keyPairs(), live.keyPairs());
    }

    /** Server groups whose members, user by user, the quota counts otherwise than the events say. */
    public Set<String> serverGroupMembersDrifted() {
        Set<String> groups = new TreeSet<>(live.serverGroupMembers().keySet());
        groups.addAll(recomputed.serverGroupMembers().keySet());
        groups.removeIf(group -> Objects.equals(live.serverGroupMembers().get(group),
                recomputed.serverGroupMembers().get(group)));
        return groups;
    }

    private static Set<String> only(Set<String> these, Set<String> notThose) {
        Set<String> difference = new TreeSet<>(these);
        difference.removeAll(notThose);
        return difference;
    }
}
