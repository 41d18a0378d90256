package io.polycell.query.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Nova's timestamps: UTC without an offset, to the microsecond; a missing one stays null. */
final class NovaTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private NovaTime() {
    }

    static String of(Instant instant) {
        return instant == null ? null : FORMAT.format(instant);
    }
}
