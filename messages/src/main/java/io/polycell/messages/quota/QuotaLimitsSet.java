package io.polycell.messages.quota;

import java.util.Map;
import org.axonframework.serialization.Revision;

/**
 * An admin set these limits for the project ({@code userId} null) or for one user in it; limits not
 * named keep their value. -1 means unlimited.
 */
@Revision("1")
public record QuotaLimitsSet(String projectId, String userId, Map<QuotaResource, Integer> limits) {
}
