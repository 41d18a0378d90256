package io.polycell.query.web;

import io.polycell.messages.common.ApiVersion;
import io.polycell.messages.host.HostServiceStatus;
import io.polycell.query.host.HostRecord;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** A compute service in Nova's os-services wire format, shaped by the microversion. */
final class ServiceJson {

    static final String BINARY = "nova-compute";
    /** Hosts are in the default availability zone until host aggregates place them elsewhere. */
    static final String ZONE = "nova";
    /** From this microversion a service shows whether it is forced down. */
    static final int FORCED_DOWN_VERSION = 11;
    /** From this microversion services and hypervisors are identified by UUIDs. */
    static final int UUID_VERSION = 53;

    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private ServiceJson() {
    }

    static Map<String, Object> of(HostRecord host, ApiVersion version) {
        HostServiceStatus service = host.service();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("binary", BINARY);
        json.put("host", host.host());
        json.put("id", id(host, version));
        json.put("zone", ZONE);
        json.put("status", service.status());
        json.put("state", service.state());
        json.put("updated_at", MICROS.format(service.updatedAt()));
        json.put("disabled_reason", service.disabledReason());
        if (version.atLeast(FORCED_DOWN_VERSION)) {
            json.put("forced_down", service.forcedDown());
        }
        return json;
    }

    /** The service's id: a number before 2.53, its UUID from then on. */
    static Object id(HostRecord host, ApiVersion version) {
        return version.atLeast(UUID_VERSION) ? host.serviceUuid().toString() : host.id();
    }
}
