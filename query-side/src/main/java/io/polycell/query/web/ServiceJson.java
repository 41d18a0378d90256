package io.polycell.query.web;

import io.polycell.messages.common.ApiVersion;
import io.polycell.messages.host.HostServiceStatus;
import io.polycell.query.host.ControlService;
import io.polycell.query.host.HostRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A service in Nova's os-services wire format, shaped by the microversion. */
final class ServiceJson {

    static final String BINARY = "nova-compute";
    /** The zone Nova lists conductors and schedulers in. */
    static final String INTERNAL_ZONE = "internal";
    /** From this microversion a service shows whether it is forced down. */
    static final int FORCED_DOWN_VERSION = 11;
    /** From this microversion services and hypervisors are identified by UUIDs. */
    static final int UUID_VERSION = 53;

    private ServiceJson() {
    }

    /** A compute host's service, in the availability zone its aggregates give it. */
    static Map<String, Object> of(HostRecord host, String zone, ApiVersion version) {
        HostServiceStatus service = host.service();
        return json(BINARY, host.host(), id(host, version), zone, service.status(), service.state(),
                service.updatedAt(), service.disabledReason(), service.forcedDown(), version);
    }

    /** A control service: always enabled, never forced down, in the internal zone. */
    static Map<String, Object> of(ControlService service, ApiVersion version) {
        Object id = version.atLeast(UUID_VERSION) ? service.uuid().toString() : service.id();
        return json(service.binary(), service.host(), id, INTERNAL_ZONE, "enabled", service.up() ? "up" : "down",
                service.updatedAt(), null, false, version);
    }

    private static Map<String, Object> json(String binary, String host, Object id, String zone, String status,
                                            String state, Instant updatedAt, String disabledReason,
                                            boolean forcedDown, ApiVersion version) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("binary", binary);
        json.put("host", host);
        json.put("id", id);
        json.put("zone", zone);
        json.put("status", status);
        json.put("state", state);
        json.put("updated_at", NovaTime.of(updatedAt));
        json.put("disabled_reason", disabledReason);
        if (version.atLeast(FORCED_DOWN_VERSION)) {
            json.put("forced_down", forcedDown);
        }
        return json;
    }

    /** The service's id: a number before 2.53, its UUID from then on. */
    static Object id(HostRecord host, ApiVersion version) {
        return version.atLeast(UUID_VERSION) ? host.serviceUuid().toString() : host.id();
    }
}
