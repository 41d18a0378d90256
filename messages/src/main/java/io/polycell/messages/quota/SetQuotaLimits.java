package io.polycell.messages.quota;

import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An admin sets some of a project's limits, or of one user's in it ({@code userId} not null); the
 * others keep their value. -1 means unlimited. Unless {@code force}, a limit below what is in use, or
 * a user's limit above the project's, is refused as Nova refuses it. Answers the quota as it is after.
 */
public record SetQuotaLimits(@TargetAggregateIdentifier String projectId, String userId,
                             Map<QuotaResource, Integer> limits, boolean force) {

    public SetQuotaLimits {
        limits = Map.copyOf(limits);
    }
}
