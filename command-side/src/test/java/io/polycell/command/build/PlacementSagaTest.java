package io.polycell.command.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.polycell.command.Specs;
import io.polycell.command.support.RecordingStores;
import io.polycell.messages.build.BuildRequestCreated;
import io.polycell.messages.build.CompleteBuildRequest;
import io.polycell.messages.common.Resources;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import io.polycell.messages.aggregate.HostAddedToAggregate;
import io.polycell.messages.host.AllocationPolicy;
import io.polycell.messages.host.ClaimHostResources;
import io.polycell.messages.host.HostRegistered;
import io.polycell.messages.instance.CreateFailedInstance;
import io.polycell.messages.instance.CreateInstance;
import io.polycell.messages.instance.DeleteInstance;
import io.polycell.messages.instance.InstanceSpec;
import io.polycell.scheduler.FilterScheduler;
import io.polycell.scheduler.HostStateProjection;
import io.polycell.scheduler.HostStates;
import io.polycell.scheduler.filter.AggregateExtraSpecsFilter;
import io.polycell.scheduler.filter.DiskFilter;
import io.polycell.scheduler.filter.RamFilter;
import io.polycell.scheduler.filter.RequiredTraitsFilter;
import io.polycell.scheduler.filter.VcpuFilter;
import io.polycell.scheduler.weigher.FreeRamWeigher;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlacementSagaTest {

    private static final String ID = "i-1";
    private final SagaTestFixture<PlacementSaga> fixture = new SagaTestFixture<>(PlacementSaga.class);
    private final HostStates states = new HostStates();
    private final HostStateProjection hosts = new HostStateProjection(states);
    private final FilterScheduler scheduler = new FilterScheduler(states,
            List.of(new AggregateExtraSpecsFilter(), new RequiredTraitsFilter(), new RamFilter(), new VcpuFilter(),
                    new DiskFilter()), new FreeRamWeigher());
    private final InstanceSpec spec = Specs.instance(ID);
    private final PlacementTally tally = new PlacementTally();
    private RecordingStores stores;

    @BeforeEach
    void setUp() {
        stores = new RecordingStores("api", "cell0", "cell1", "cell2");
        fixture.registerResource(scheduler);
        fixture.registerResource(new BatchPlacements(scheduler, Clock.fixed(Specs.NOW, ZoneOffset.UTC)));
        fixture.registerResource(stores.router());
        fixture.registerResource(Clock.fixed(Specs.NOW, ZoneOffset.UTC));
        fixture.registerResource(tally);
        stores.accept("api", CompleteBuildRequest.class)
                .accept("cell1", CreateInstance.class).accept("cell2", CreateInstance.class)
                .accept("cell0", CreateFailedInstance.class);
    }

    @Test
    void claimsTheBestHostCreatesTheInstanceInItsCellThenMapsIt() {
        hosts.on(new HostRegistered("small", "cell1", new Resources(4, 4096, 100)));
        hosts.on(new HostRegistered("large", "cell2", new Resources(4, 8192, 100)));
        stores.accept("cell1", ClaimHostResources.class).accept("cell2", ClaimHostResources.class);

        fixture.givenNoPriorActivity().whenPublishingA(new BuildRequestCreated(ID, spec)).expectActiveSagas(0);

        assertThat(stores.sent()).extracting(RecordingStores.Sent::payload).containsExactly(
                new ClaimHostResources("large", ID, new Resources(1, 512, 1)),
                new CreateInstance(ID, "cell2", "large", spec),
                new CompleteBuildRequest(ID, "cell2"));
    }

    @Test
    void theFlavorsExtraSpecsAsCopiedIntoTheServerChooseTheHost() {
        hosts.on(new HostRegistered("roomy", "cell1", new Resources(4, 8192, 100)));
        hosts.on(new HostRegistered("ssd", "cell1", new Resources(4, 4096, 100)));
        hosts.on(new HostAddedToAggregate("agg-1", "ssd", "fast", null, Map.of("ssd", "true")));
        stores.accept("cell1", ClaimHostResources.class);
        InstanceSpec onSsd = withExtraSpecs(Map.of("aggregate_instance_extra_specs:ssd", "true"));

        fixture.givenNoPriorActivity().whenPublishingA(new BuildRequestCreated(ID, onSsd));

        assertThat(stores.payloadsSentTo("cell1")).containsExactly(
                new ClaimHostResources("ssd", ID, new Resources(1, 512, 1)), new CreateInstance(ID, "cell1", "ssd", onSsd));
    }

    @Test
    void aTraitTheFlavorRequiresThatNoHostHasSendsTheServerToCell0() {
        hosts.on(new HostRegistered("a", "cell1", new Resources(4, 8192, 100), AllocationPolicy.NONE, Map.of(),
                Set.of("COMPUTE_NODE")));
        stores.accept("cell1", ClaimHostResources.class);

        fixture.givenNoPriorActivity().whenPublishingA(new BuildRequestCreated(ID,
                withExtraSpecs(Map.of("trait:HW_CPU_X86_AVX2", "required"))));

        assertThat(stores.payloadsSentTo("cell1")).isEmpty();
        assertThat(stores.payloadsSentTo("cell0")).singleElement().isInstanceOf(CreateFailedInstance.class);
    }

    private InstanceSpec withExtraSpecs(Map<String, String> extraSpecs) {
        return new InstanceSpec(ID, spec.name(), spec.projectId(), spec.userId(),
                spec.flavor().withExtraSpecs(extraSpecs), spec.image(), spec.metadata(), spec.createdAt());
    }

    @Test
    void aRefusedClaimMovesOnToTheNextAlternateInTheSameCell() {
        hosts.on(new HostRegistered("best", "cell1", new Resources(4, 8192, 100)));
        hosts.on(new HostRegistered("second", "cell1", new Resources(4, 6144, 100)));
        hosts.on(new HostRegistered("elsewhere", "cell2", new Resources(4, 7168, 100)));
        stores.on("cell1", ClaimHostResources.class, claim -> {
            if (claim.host().equals("best")) {
                throw new PolycellException(ErrorCode.HOST_CAPACITY_EXCEEDED, "taken by another scheduler's pick");
            }
            return null;
        }).accept("cell2", ClaimHostResources.class);

        fixture.givenNoPriorActivity().whenPublishingA(new BuildRequestCreated(ID, spec));

        assertThat(stores.payloadsSentTo("cell1")).as("the alternate is in the primary's cell, though cell2 "
                + "weighs more than it").containsExactly(
                new ClaimHostResources("best", ID, new Resources(1, 512, 1)),
                new ClaimHostResources("second", ID, new Resources(1, 512, 1)),
                new CreateInstance(ID, "cell1", "second", spec));
        assertThat(stores.payloadsSentTo("cell2")).isEmpty();
        assertThat(stores.payloadsSentTo("api")).containsExactly(new CompleteBuildRequest(ID, "cell1"));
        assertThat(tally.counts()).containsEntry("servers_placed", 1L).containsEntry("claims_refused", 1L)
                .containsEntry("servers_placed_after_a_refused_claim", 1L).containsEntry("servers_with_no_valid_host", 0L);
    }

    @Test
    void whenTheAlternatesOfACellAreAllRefusedTheSchedulerIsAskedAgain() {
        hosts.on(new HostRegistered("full", "cell2", new Resources(4, 8192, 100)));
        hosts.on(new HostRegistered("spare", "cell1", new Resources(4, 4096, 100)));
        stores.refuse("cell2", ClaimHostResources.class,
                        new PolycellException(ErrorCode.HOST_CAPACITY_EXCEEDED, "full"))
                .accept("cell1", ClaimHostResources.class);

        fixture.givenNoPriorActivity().whenPublishingA(new BuildRequestCreated(ID, spec));

        assertThat(stores.payloadsSentTo("cell1")).containsExactly(
                new ClaimHostResources("spare", ID, new Resources(1, 512, 1)), new CreateInstance(ID, "cell1", "spare", spec));
        assertThat(stores.payloadsSentTo("api")).containsExactly(new CompleteBuildRequest(ID, "cell1"));
    }

    @Test
    void withNoHostThatFitsTheInstanceGoesToCell0InErrorWithNovasFault() {
        hosts.on(new HostRegistered("tiny", "cell1", new Resources(1, 256, 100)));

        fixture.givenNoPriorActivity().whenPublishingA(new BuildRequestCreated(ID, spec));

        List<Object> cell0 = stores.payloadsSentTo("cell0");
        assertThat(cell0).hasSize(1);
        CreateFailedInstance failed = (CreateFailedInstance) cell0.get(0);
        assertThat(failed.fault().message()).isEqualTo("No valid host was found. ");
        assertThat(failed.fault().code()).isEqualTo(500);
        assertThat(failed.cell()).isEqualTo("cell0");
        assertThat(stores.payloadsSentTo("api")).containsExactly(new CompleteBuildRequest(ID, "cell0"));
        assertThat(stores.payloadsSentTo("cell1")).isEmpty();
    }

    @Test
    void whenEveryHostRefusesTheInstanceGoesToCell0() {
        hosts.on(new HostRegistered("a", "cell1", new Resources(4, 4096, 100)));
        hosts.on(new HostRegistered("b", "cell1", new Resources(4, 4096, 100)));
        stores.refuse("cell1", ClaimHostResources.class, new PolycellException(ErrorCode.HOST_CAPACITY_EXCEEDED, "full"));

        fixture.givenNoPriorActivity().whenPublishingA(new BuildRequestCreated(ID, spec));

        assertThat(stores.payloadsSentTo("cell1")).hasSize(2).allMatch(ClaimHostResources.class::isInstance);
        assertThat(stores.payloadsSentTo("cell0")).hasSize(1);
        assertThat(tally.counts()).containsEntry("claims_refused", 2L).containsEntry("servers_placed", 0L)
                .containsEntry("servers_with_no_valid_host", 1L);
    }

    @Test
    void aServerDeletedDuringPlacementIsDeletedFromItsCell() {
        hosts.on(new HostRegistered("a", "cell1", new Resources(4, 4096, 100)));
        stores = new RecordingStores("api", "cell0", "cell1", "cell2");
        fixture.registerResource(stores.router());
        stores.accept("cell1", ClaimHostResources.class).accept("cell1", CreateInstance.class)
                .accept("cell1", DeleteInstance.class)
                .refuse("api", CompleteBuildRequest.class, new PolycellException(ErrorCode.BUILD_CANCELLED, "gone"));

        fixture.givenNoPriorActivity().whenPublishingA(new BuildRequestCreated(ID, spec)).expectActiveSagas(0);

        assertThat(stores.payloadsSentTo("cell1")).last().isInstanceOf(DeleteInstance.class);
    }

    @Test
    void aStoreThatFailsIsNotMistakenForAFullHost() {
        hosts.on(new HostRegistered("a", "cell1", new Resources(4, 4096, 100)));
        stores.on("cell1", ClaimHostResources.class, command -> {
            throw new IllegalStateException("connection refused");
        });

        fixture.givenNoPriorActivity().whenPublishingA(new BuildRequestCreated(ID, spec));

        assertThat(stores.payloadsSentTo("cell0")).isEmpty();
        assertThat(stores.payloadsSentTo("api")).isEmpty();
    }

    @Test
    void theInstancesOfOneRequestArePlacedInOneDecisionOnDifferentHosts() {
        // Each host fits one instance; three build tasks of one batch each take their own host.
        for (String host : List.of("a", "b", "c")) {
            hosts.on(new HostRegistered(host, "cell1", new Resources(1, 512, 100)));
        }
        stores.accept("cell1", ClaimHostResources.class).accept("cell1", CreateInstance.class);
        List<String> batch = List.of("i-1", "i-2", "i-3");

        for (String id : batch) {
            fixture.givenNoPriorActivity().whenPublishingA(new BuildRequestCreated(id, Specs.instance(id), batch));
        }

        assertThat(stores.payloadsSentTo("cell1")).filteredOn(ClaimHostResources.class::isInstance)
                .extracting(claim -> ((ClaimHostResources) claim).host()).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(stores.payloadsSentTo("cell0")).isEmpty();
    }

    @Test
    void aBatchThatDoesNotFitEntirelyGoesToCell0Entirely() {
        for (String host : List.of("a", "b")) {
            hosts.on(new HostRegistered(host, "cell1", new Resources(1, 512, 100)));
        }
        stores.accept("cell1", ClaimHostResources.class).accept("cell1", CreateInstance.class);
        List<String> batch = List.of("i-1", "i-2", "i-3");

        for (String id : batch) {
            fixture.givenNoPriorActivity().whenPublishingA(new BuildRequestCreated(id, Specs.instance(id), batch));
        }

        assertThat(stores.payloadsSentTo("cell1")).isEmpty();
        assertThat(stores.payloadsSentTo("cell0")).hasSize(3).allMatch(CreateFailedInstance.class::isInstance);
        assertThat(states.get("a").orElseThrow().pending()).as("the batch's reservations are given back")
                .isEqualTo(new Resources(0, 0, 0));
    }
}
