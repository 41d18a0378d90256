package io.polycell.command.quota;

import io.polycell.command.routing.CommandRouter;
import io.polycell.command.routing.Outcomes;
import io.polycell.messages.quota.ProjectUsage;
import io.polycell.messages.quota.ReadQuotaUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks that the quotas count what the events say: reads every store's events from the start
 * ({@link UsageRecount}) and compares, project by project, with what each project's quota counts now.
 * A scan of every store: an operator's check, not something for every request.
 */
public final class QuotaAudit {

    private static final Logger log = LoggerFactory.getLogger(QuotaAudit.class);

    private final Map<String, StreamableMessageSource<TrackedEventMessage<?>>> stores;
    private final CommandRouter router;

    /** {@code stores}: the API store's events and every cell's, by store name. */
    public QuotaAudit(Map<String, StreamableMessageSource<TrackedEventMessage<?>>> stores, CommandRouter router) {
        this.stores = Map.copyOf(stores);
        this.router = router;
    }

    /** Every project that has servers, server groups or a quota, drifted or not. */
    public List<QuotaDrift> checkAll() {
        return check(project -> true);
    }

    /** One project. */
    public QuotaDrift check(String projectId) {
        List<QuotaDrift> found = check(projectId::equals);
        return found.isEmpty() ? new QuotaDrift(projectId, live(projectId), Usage.describe(projectId, Usage.NONE,
                Map.of(), Set.of(), Set.of())) : found.get(0);
    }

    private List<QuotaDrift> check(Predicate<String> projects) {
        UsageRecount recount = new UsageRecount(projects);
        stores.forEach((name, store) -> read(name, store, recount));
        List<QuotaDrift> drifts = new ArrayList<>();
        recount.usage().forEach((projectId, recomputed) -> {
            QuotaDrift drift = new QuotaDrift(projectId, live(projectId), recomputed);
            if (drift.drifted()) {
                log.warn("Quota of project {} has drifted from its events: it counts {} but the events say {}; "
                                + "servers counted but gone {}, servers not counted {}, server groups whose members "
                                + "differ {}", projectId, drift.live().inUse(), recomputed.inUse(),
                        drift.serversCountedButGone(), drift.serversNotCounted(), drift.serverGroupMembersDrifted());
            }
            drifts.add(drift);
        });
        return drifts;
    }

    private ProjectUsage live(String projectId) {
        return Outcomes.await(router.toApi(new ReadQuotaUsage(projectId)));
    }

    private static void read(String name, StreamableMessageSource<TrackedEventMessage<?>> store,
                             UsageRecount recount) {
        long read = 0;
        try (BlockingStream<TrackedEventMessage<?>> events = store.openStream(null)) {
            while (events.hasNextAvailable()) {
                recount.accept(events.nextAvailable());
                read++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the events of " + name, e);
        }
        log.debug("Quota audit read {} events of store {}", read, name);
    }
}
