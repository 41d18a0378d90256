package io.polycell.messages.quota;

import org.axonframework.serialization.Revision;

/**
 * The project's own limits and every user's are gone ({@code userId} null), or only one user's: the
 * defaults (or the project's limits) apply again.
 */
@Revision("1")
public record QuotaLimitsReset(String projectId, String userId) {
}
