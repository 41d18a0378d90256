package io.polycell.messages.error;

/** The kinds of expected refusal; each maps to one HTTP status and Nova error body. */
public enum ErrorCode {
    /** The request is malformed or names something that does not exist (400, badRequest). */
    BAD_REQUEST,
    /** The caller may not do this (403, forbidden). */
    FORBIDDEN,
    /** The thing addressed does not exist for this caller (404, itemNotFound). */
    NOT_FOUND,
    /** The thing exists but its state does not allow the request (409, conflictingRequest). */
    CONFLICT,
    /** What the request needs does not answer now; trying later may work (503, serviceUnavailable). */
    UNAVAILABLE,
    /** A host cannot take the resources asked of it; the super-conductor tries the next one. */
    HOST_CAPACITY_EXCEEDED,
    /** A server group's policy does not allow this host; the super-conductor tries the next one. */
    GROUP_POLICY_VIOLATED,
    /** A build request was cancelled before its instance could be mapped. */
    BUILD_CANCELLED
}
