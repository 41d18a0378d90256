package io.polycell.command.build;

import io.polycell.command.routing.CommandRouter;
import io.polycell.command.routing.Outcomes;
import io.polycell.messages.build.BuildRequestCreated;
import io.polycell.messages.build.CompleteBuildRequest;
import io.polycell.messages.common.Fault;
import io.polycell.messages.common.Requester;
import io.polycell.messages.common.Resources;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.flavor.FlavorSpec;
import io.polycell.messages.group.PlaceGroupMember;
import io.polycell.messages.host.ClaimHostResources;
import io.polycell.messages.host.ReleaseHostResources;
import io.polycell.messages.instance.CreateFailedInstance;
import io.polycell.messages.instance.CreateInstance;
import io.polycell.messages.instance.DeleteInstance;
import io.polycell.messages.instance.InstanceSpec;
import io.polycell.scheduler.Destination;
import io.polycell.scheduler.HostHints;
import io.polycell.scheduler.Placement;
import io.polycell.scheduler.RequestSpec;
import io.polycell.scheduler.Scheduler;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The super-conductor's build task (cells v2, seed 001): ask the scheduler, claim the resources on
 * the chosen host through that host's aggregate, create the instance in the host's cell, map it and
 * delete the build request. A refused claim moves on to the next alternate, then asks the scheduler
 * again; when nothing fits, the instance goes to cell0 in ERROR with Nova's fault.
 */
public class PlacementSaga {

    /**
     * Nova's fault message when no host can take an instance, exactly as Nova records it: its
     * {@code NoValidHost} with an empty reason, trailing space included. Why is in the fault's details.
     */
    public static final String NO_VALID_HOST = "No valid host was found. ";
    static final int ALTERNATES = 3;
    static final int SCHEDULING_ROUNDS = 3;
    private static final Requester CONDUCTOR = new Requester("conductor", "conductor", true);
    private static final Logger log = LoggerFactory.getLogger(PlacementSaga.class);

    private transient Scheduler scheduler;
    private transient BatchPlacements batches;
    private transient CommandRouter router;
    private transient Clock clock;
    private transient PlacementTally tally;

    @Inject
    public void setScheduler(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Inject
    public void setBatches(BatchPlacements batches) {
        this.batches = batches;
    }

    @Inject
    public void setRouter(CommandRouter router) {
        this.router = router;
    }

    @Inject
    public void setClock(Clock clock) {
        this.clock = clock;
    }

    @Inject
    public void setTally(PlacementTally tally) {
        this.tally = tally;
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "instanceId")
    void on(BuildRequestCreated event) {
        InstanceSpec spec = event.spec();
        String cell = placeOnAHost(spec, event.batch()).orElseGet(() -> buryInCell0(spec));
        try {
            Outcomes.await(router.toApi(new CompleteBuildRequest(spec.instanceId(), cell)));
        } catch (RuntimeException failure) {
            if (!Outcomes.isRefusal(failure, ErrorCode.BUILD_CANCELLED)) {
                throw failure;
            }
            log.info("Server {} was deleted while it was being placed; deleting it from {}", spec.instanceId(), cell);
            Outcomes.await(router.toCell(cell, new DeleteInstance(spec.instanceId(), CONDUCTOR)));
        }
        SagaLifecycle.end();
    }

    /**
     * The first round takes the placement decided for the instance's whole batch; later rounds, after
     * every candidate refused the claim, ask the scheduler for this instance alone.
     */
    private Optional<String> placeOnAHost(InstanceSpec spec, List<String> batch) {
        Resources request = resourcesOf(spec.flavor());
        Set<String> refused = new HashSet<>();
        HostHints hints = HostHints.of(spec.hints().sameHost(), spec.hints().differentHost());
        for (int round = 0; round < SCHEDULING_ROUNDS; round++) {
            RequestSpec ask = new RequestSpec(request, spec.availabilityZone(), spec.flavor().extraSpecs(),
                    spec.image().properties(), refused, spec.group(), hints);
            Optional<Placement> placement = round == 0 ? batches.placementFor(spec.instanceId(), batch, ask, ALTERNATES)
                    : scheduler.select(List.of(spec.instanceId()), ask, ALTERNATES).stream().findFirst();
            if (placement.isEmpty()) {
                break;
            }
            for (Destination candidate : placement.get().candidates()) {
                if (claim(candidate, spec, request) && joinGroup(candidate, spec, request)) {
                    Outcomes.await(router.toCell(candidate.cell(),
                            new CreateInstance(spec.instanceId(), candidate.cell(), candidate.host(), spec)));
                    if (refused.isEmpty()) {
                        log.info("Server {} placed on host {} in {}", spec.instanceId(), candidate.host(),
                                candidate.cell());
                    } else {
                        log.info("Server {} placed on host {} in {} after {} other host(s) turned it down",
                                spec.instanceId(), candidate.host(), candidate.cell(), refused.size());
                    }
                    tally.placed(refused.size());
                    return Optional.of(candidate.cell());
                }
                refused.add(candidate.host());
            }
        }
        scheduler.forget(spec.instanceId());
        return Optional.empty();
    }

    /**
     * Whether the host took the claim. A full or unknown host is a refusal and the next candidate is
     * tried; any other failure (a store that does not answer) is rethrown, so the event is retried
     * later instead of the server being buried in cell0 for a passing fault.
     */
    private boolean claim(Destination candidate, InstanceSpec spec, Resources request) {
        try {
            Outcomes.await(router.toCell(candidate.cell(),
                    new ClaimHostResources(candidate.host(), spec.instanceId(), request)));
            return true;
        } catch (AggregateNotFoundException unknownHost) {
            log.warn("Host {} is not known in {}; trying the next candidate", candidate.host(), candidate.cell());
            return false;
        } catch (RuntimeException failure) {
            if (!Outcomes.isRefusal(failure, ErrorCode.HOST_CAPACITY_EXCEEDED)) {
                throw failure;
            }
            log.debug("Host {} refused the claim for {}: {}", candidate.host(), spec.instanceId(),
                    failure.getMessage());
            tally.claimRefused();
            return false;
        }
    }

    /**
     * The group decides whether its policy allows the host, one member at a time, whatever the
     * schedulers thought; a refusal gives the claim back and the next candidate is tried.
     */
    private boolean joinGroup(Destination candidate, InstanceSpec spec, Resources request) {
        if (spec.group() == null) {
            return true;
        }
        try {
            Outcomes.await(router.toApi(new PlaceGroupMember(spec.group().groupId(), spec.instanceId(),
                    candidate.host())));
            return true;
        } catch (RuntimeException refused) {
            if (!Outcomes.isRefusal(refused, ErrorCode.GROUP_POLICY_VIOLATED)) {
                throw refused;
            }
            log.info("Server group {} refused host {} for {}: {}", spec.group().groupId(), candidate.host(),
                    spec.instanceId(), refused.getMessage());
            Outcomes.await(router.toCell(candidate.cell(), new ReleaseHostResources(candidate.host(),
                    spec.instanceId())));
            return false;
        }
    }

    private String buryInCell0(InstanceSpec spec) {
        String details = "No host can take " + spec.flavor().vcpus() + " vCPUs, " + spec.flavor().ramMb()
                + " MB RAM and " + spec.flavor().diskGb() + " GB disk (flavor " + spec.flavor().name()
                + (spec.flavor().extraSpecs().isEmpty() ? "" : ", extra specs " + spec.flavor().extraSpecs()) + ").";
        Fault fault = new Fault(500, NO_VALID_HOST, details, Instant.now(clock));
        Outcomes.await(router.toCell(CommandRouter.CELL0,
                new CreateFailedInstance(spec.instanceId(), CommandRouter.CELL0, spec, fault)));
        log.info("Server {} could not be placed and is in cell0 in ERROR: {}", spec.instanceId(), details);
        tally.noValidHost();
        return CommandRouter.CELL0;
    }

    static Resources resourcesOf(FlavorSpec flavor) {
        return new Resources(flavor.vcpus(), flavor.ramMb(), flavor.diskGb() + flavor.ephemeralGb());
    }
}
