package io.polycell.command.quota;

import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import io.polycell.messages.quota.ClaimServerQuota;
import io.polycell.messages.quota.QuotaResource;
import java.util.ArrayList;
import java.util.List;

/** Nova's 403 refusals of a quota, word for word, so clients that read them keep working. */
final class OverQuota {

    /** Nova names the exceeded resources in alphabetical order. */
    private static final List<QuotaResource> SERVER_RESOURCES = List.of(QuotaResource.CORES, QuotaResource.INSTANCES,
            QuotaResource.RAM);

    private OverQuota() {
    }

    /**
     * "Quota exceeded for cores, ram: Requested 4096, 67108864, but already used 1, 512 of 20, 51200
     * cores, ram": every resource the whole request ({@code max_count} servers) would exceed, with the
     * project's figures, or the user's when only the user's limit is exceeded. A request with a range
     * of counts shows it as {@code min-max} instances.
     */
    static PolycellException servers(ClaimServerQuota claim, Scope project, Scope user) {
        int count = claim.instanceIds().size();
        List<String> overs = new ArrayList<>();
        List<String> requested = new ArrayList<>();
        List<String> used = new ArrayList<>();
        List<String> allowed = new ArrayList<>();
        for (QuotaResource resource : SERVER_RESOURCES) {
            long asked = count * perServer(claim, resource);
            Scope over = project.exceededBy(resource, asked) ? project : user.exceededBy(resource, asked) ? user : null;
            if (over == null) {
                continue;
            }
            overs.add(resource.wireName());
            requested.add(resource != QuotaResource.INSTANCES || claim.minCount() == count ? Long.toString(asked)
                    : claim.minCount() + "-" + count);
            used.add(Long.toString(over.used().of(resource)));
            allowed.add(Integer.toString(over.limit(resource)));
        }
        String names = String.join(", ", overs);
        return forbidden("Quota exceeded for " + names + ": Requested " + String.join(", ", requested)
                + ", but already used " + String.join(", ", used) + " of " + String.join(", ", allowed) + " " + names);
    }

    static PolycellException metadata(int limit) {
        return forbidden("Maximum number of metadata items exceeds " + limit);
    }

    static PolycellException groupMembers() {
        return forbidden("Quota exceeded, too many servers in group");
    }

    static PolycellException keyPairs() {
        return forbidden("Quota exceeded, too many key pairs.");
    }

    static PolycellException serverGroups() {
        return forbidden("Quota exceeded, too many server groups.");
    }

    /** What one server of the claim takes of {@code resource}. */
    static long perServer(ClaimServerQuota claim, QuotaResource resource) {
        return switch (resource) {
            case INSTANCES -> 1;
            case CORES -> claim.vcpus();
            case RAM -> claim.ramMb();
            default -> 0;
        };
    }

    private static PolycellException forbidden(String message) {
        return new PolycellException(ErrorCode.FORBIDDEN, message);
    }
}
