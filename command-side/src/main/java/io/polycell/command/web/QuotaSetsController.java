package io.polycell.command.web;

import io.polycell.command.quota.QuotaAudit;
import io.polycell.command.quota.QuotaDefaults;
import io.polycell.command.quota.QuotaDrift;
import io.polycell.command.routing.CommandRouter;
import io.polycell.command.routing.Outcomes;
import io.polycell.messages.common.ApiVersion;
import io.polycell.messages.common.Requester;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import io.polycell.messages.quota.QuotaReport;
import io.polycell.messages.quota.QuotaResource;
import io.polycell.messages.quota.ReadQuota;
import io.polycell.messages.quota.ResetQuotaLimits;
import io.polycell.messages.quota.SetQuotaLimits;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Nova's quota sets ({@code os-quota-sets}), per project and, with {@code ?user_id=}, per user: HTTP in,
 * commands to the project's quota out. Members read their own project's; only admins change them. Also
 * the drift check, for admins: the quota's count beside the one recomputed from the events.
 */
@RestController
@RequestMapping("/v2.1")
class QuotaSetsController {

    private static final String POLICY = "os_compute_api:os-quota-sets:";
    private static final long MAX_LIMIT = Integer.MAX_VALUE;
    private static final Set<String> TRUE = Set.of("true", "1", "yes", "on", "y", "t");
    private static final Set<String> FALSE = Set.of("false", "0", "no", "off", "n", "f");

    private final CommandRouter router;
    private final QuotaDefaults defaults;
    private final QuotaAudit audit;

    QuotaSetsController(CommandRouter router, QuotaDefaults defaults, QuotaAudit audit) {
        this.router = router;
        this.defaults = defaults;
        this.audit = audit;
    }

    @GetMapping("/os-quota-sets/{projectId}")
    Map<String, Object> show(@PathVariable String projectId, @RequestParam(name = "user_id", required = false)
                             String userId, Requester requester, ApiVersion version) {
        requireProjectOrAdmin(requester, projectId, "show");
        QuotaReport report = Outcomes.await(router.toApi(new ReadQuota(projectId, userId)));
        return Map.of("quota_set", QuotaJson.limits(projectId, report.limits(), version));
    }

    @GetMapping("/os-quota-sets/{projectId}/detail")
    Map<String, Object> detail(@PathVariable String projectId, @RequestParam(name = "user_id", required = false)
                               String userId, Requester requester, ApiVersion version) {
        requireProjectOrAdmin(requester, projectId, "detail");
        QuotaReport report = Outcomes.await(router.toApi(new ReadQuota(projectId, userId)));
        return Map.of("quota_set", QuotaJson.detail(report, version));
    }

    @GetMapping("/os-quota-sets/{projectId}/defaults")
    Map<String, Object> defaults(@PathVariable String projectId, Requester requester, ApiVersion version) {
        return Map.of("quota_set", QuotaJson.limits(projectId, defaults.limits(), version));
    }

    @PutMapping("/os-quota-sets/{projectId}")
    Map<String, Object> update(@PathVariable String projectId, @RequestParam(name = "user_id", required = false)
                               String userId, @RequestBody(required = false) JsonNode body, Requester requester,
                               ApiVersion version) {
        requireAdmin(requester, POLICY + "update");
        JsonNode quotaSet = body == null || !body.isObject() ? null : body.get("quota_set");
        if (quotaSet == null) {
            throw invalid("quota_set", body, "'quota_set' is a required property");
        }
        if (!quotaSet.isObject()) {
            throw invalid("quota_set", quotaSet, PythonRepr.of(quotaSet) + " is not of type 'object'");
        }
        List<QuotaResource> settable = QuotaJson.shown(version);
        Map<QuotaResource, Integer> limits = new EnumMap<>(QuotaResource.class);
        boolean force = false;
        for (Map.Entry<String, JsonNode> field : quotaSet.properties()) {
            if (field.getKey().equals("force")) {
                force = force(field.getValue());
                continue;
            }
            Optional<QuotaResource> resource = QuotaResource.fromWireName(field.getKey())
                    .filter(settable::contains);
            if (resource.isEmpty()) {
                throw invalid("quota_set", quotaSet, "Additional properties are not allowed ('" + field.getKey()
                        + "' was unexpected)");
            }
            limits.put(resource.get(), limit(field.getKey(), field.getValue()));
        }
        QuotaReport report = Outcomes.await(router.toApi(new SetQuotaLimits(projectId, userId, limits, force)));
        return Map.of("quota_set", QuotaJson.limits(null, report.limits(), version));
    }

    @DeleteMapping("/os-quota-sets/{projectId}")
    ResponseEntity<Void> delete(@PathVariable String projectId, @RequestParam(name = "user_id", required = false)
                                String userId, Requester requester) {
        requireAdmin(requester, POLICY + "delete");
        Outcomes.await(router.toApi(new ResetQuotaLimits(projectId, userId)));
        return ResponseEntity.status(HttpStatus.ACCEPTED).build();
    }

    /** The quota's count of one project beside the count recomputed from the events. */
    @GetMapping("/os-quota-sets/{projectId}/drift")
    Map<String, Object> drift(@PathVariable String projectId, Requester requester) {
        requireAdmin(requester, "polycell:quota-drift");
        return Map.of("quota_drift", QuotaJson.drift(audit.check(projectId)));
    }

    /** Every project's: the projects that drifted, and how many were checked. */
    @GetMapping("/os-quota-drift")
    Map<String, Object> driftOfAll(Requester requester) {
        requireAdmin(requester, "polycell:quota-drift");
        List<QuotaDrift> checked = audit.checkAll();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("projects_checked", checked.size());
        json.put("quota_drift", checked.stream().filter(QuotaDrift::drifted).map(QuotaJson::drift).toList());
        return json;
    }

    /** Nova's schema for a limit: an integer, or a string of one, from -1 up to the largest int. */
    private static int limit(String field, JsonNode value) {
        long limit;
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            limit = value.asLong();
        } else if (value.isString()) {
            if (!value.asString().matches("^-?[0-9]{1,19}$")) {
                throw invalid(field, value, PythonRepr.of(value) + " does not match '^-?[0-9]+$'");
            }
            try {
                limit = Long.parseLong(value.asString());
            } catch (NumberFormatException tooLarge) {
                limit = Long.MAX_VALUE;
            }
        } else {
            throw invalid(field, value, PythonRepr.of(value) + " is not of type 'integer', 'string'");
        }
        if (limit < -1) {
            throw invalid(field, value, limit + " is less than the minimum of -1");
        }
        if (limit > MAX_LIMIT) {
            throw invalid(field, value, limit + " is greater than the maximum of " + MAX_LIMIT);
        }
        return (int) limit;
    }

    private static boolean force(JsonNode value) {
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        String text = value.isString() ? value.asString().toLowerCase() : null;
        if (text != null && TRUE.contains(text)) {
            return true;
        }
        if (text != null && FALSE.contains(text)) {
            return false;
        }
        throw invalid("force", value, PythonRepr.of(value) + " is not of type 'boolean', 'string'");
    }

    static void requireProjectOrAdmin(Requester requester, String projectId, String rule) {
        if (!requester.admin() && !requester.projectId().equals(projectId)) {
            throw forbidden(POLICY + rule);
        }
    }

    static void requireAdmin(Requester requester, String rule) {
        if (!requester.admin()) {
            throw forbidden(rule);
        }
    }

    private static PolycellException forbidden(String rule) {
        return new PolycellException(ErrorCode.FORBIDDEN, "Policy doesn't allow " + rule + " to be performed.");
    }

    private static PolycellException invalid(String field, JsonNode value, String problem) {
        return new PolycellException(ErrorCode.BAD_REQUEST, "Invalid input for field/attribute " + field
                + ". Value: " + PythonRepr.of(value) + ". " + problem);
    }
}
