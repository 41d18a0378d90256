package io.polycell.command.web;

import io.polycell.command.routing.CommandRouter;
import io.polycell.command.routing.Outcomes;
import io.polycell.messages.common.ApiVersion;
import io.polycell.messages.common.Requester;
import io.polycell.messages.quota.QuotaReport;
import io.polycell.messages.quota.ReadQuota;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Nova's {@code GET /limits}: the project's absolute limits and what it uses, exact (no rate limits).
 * An admin may ask for another project with {@code ?tenant_id=}.
 */
@RestController
@RequestMapping("/v2.1/limits")
class LimitsController {

    private final CommandRouter router;

    LimitsController(CommandRouter router) {
        this.router = router;
    }

    @GetMapping
    Map<String, Object> limits(@RequestParam(name = "tenant_id", required = false) String tenantId,
                               Requester requester, ApiVersion version) {
        String projectId = tenantId == null ? requester.projectId() : tenantId;
        if (!projectId.equals(requester.projectId())) {
            QuotaSetsController.requireAdmin(requester, "os_compute_api:limits:other_project");
        }
        QuotaReport report = Outcomes.await(router.toApi(new ReadQuota(projectId, null)));
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("rate", List.of());
        limits.put("absolute", QuotaJson.absoluteLimits(report, version));
        return Map.of("limits", limits);
    }
}
