package io.polycell.query.web;

import io.polycell.messages.common.ApiVersion;
import io.polycell.query.host.HostRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A hypervisor in Nova's os-hypervisors wire format. From microversion 2.88 Nova no longer reports
 * usage here (placement does), and shows {@code uptime} instead.
 */
final class HypervisorJson {

    static final int NO_USAGE_VERSION = 88;

    private HypervisorJson() {
    }

    static Map<String, Object> summary(HostRecord host, ApiVersion version) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id(host, version));
        json.put("hypervisor_hostname", host.host());
        json.put("state", host.service().state());
        json.put("status", host.service().status());
        return json;
    }

    static Map<String, Object> detail(HostRecord host, ApiVersion version) {
        Map<String, Object> json = summary(host, version);
        json.put("hypervisor_type", host.hypervisorType().apiName());
        json.put("hypervisor_version", host.hypervisorType().version());
        json.put("host_ip", null);
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("id", ServiceJson.id(host, version));
        service.put("host", host.host());
        service.put("disabled_reason", host.service().disabledReason());
        json.put("service", service);
        if (version.atLeast(NO_USAGE_VERSION)) {
            json.put("uptime", null);
            return json;
        }
        json.put("vcpus", host.capacity().vcpus());
        json.put("memory_mb", host.capacity().ramMb());
        json.put("local_gb", host.capacity().diskGb());
        json.put("vcpus_used", host.used().vcpus());
        json.put("memory_mb_used", host.used().ramMb());
        json.put("local_gb_used", host.used().diskGb());
        json.put("free_ram_mb", host.freeRamMb());
        json.put("free_disk_gb", host.freeDiskGb());
        json.put("current_workload", 0);
        json.put("running_vms", host.runningVms());
        json.put("disk_available_least", host.freeDiskGb());
        json.put("cpu_info", "{}");
        return json;
    }

    private static Object id(HostRecord host, ApiVersion version) {
        return version.atLeast(ServiceJson.UUID_VERSION) ? host.computeUuid().toString() : host.id();
    }
}
