package io.polycell.command.aggregate;

import static io.polycell.command.support.Refusals.refusedWith;

import io.polycell.messages.aggregate.AddHostToAggregate;
import io.polycell.messages.aggregate.AggregateCreated;
import io.polycell.messages.aggregate.AggregateDeleted;
import io.polycell.messages.aggregate.AggregateMetadataSet;
import io.polycell.messages.aggregate.AggregateState;
import io.polycell.messages.aggregate.AggregateUpdated;
import io.polycell.messages.aggregate.CreateAggregate;
import io.polycell.messages.aggregate.DeleteAggregate;
import io.polycell.messages.aggregate.HostAddedToAggregate;
import io.polycell.messages.aggregate.HostRemovedFromAggregate;
import io.polycell.messages.aggregate.RemoveHostFromAggregate;
import io.polycell.messages.aggregate.SetAggregateMetadata;
import io.polycell.messages.aggregate.UpdateAggregate;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HostAggregateTest {

    private static final String UUID = "6ba28ba7-f29b-45cc-a30b-6e3a40c2fb14";
    private static final String OTHER = "0d4b1d9e-3c3a-4a57-9b43-8f3b9b1c2a11";
    private static final Map<String, String> AZ1 = Map.of("availability_zone", "az1");

    private final AggregateTestFixture<HostAggregate> fixture = new AggregateTestFixture<>(HostAggregate.class);
    private final InMemoryAggregateDirectory directory = new InMemoryAggregateDirectory();

    @BeforeEach
    void injectDirectory() {
        fixture.registerInjectableResource(directory);
    }

    private static AggregateCreated created(String zone) {
        return new AggregateCreated(UUID, 7, "rack-1", zone, zoneMetadata(zone));
    }

    private static HostAddedToAggregate added(String host, String zone) {
        return new HostAddedToAggregate(UUID, host, "rack-1", zone, zoneMetadata(zone));
    }

    private static Map<String, String> zoneMetadata(String zone) {
        return zone == null ? Map.of() : Map.of("availability_zone", zone);
    }

    @Test
    void anAggregateCreatedInAZoneKeepsTheZoneInItsMetadata() {
        fixture.givenNoPriorActivity()
                .when(new CreateAggregate(UUID, 7, "rack-1", "az1"))
                .expectEvents(new AggregateCreated(UUID, 7, "rack-1", "az1", AZ1))
                .expectResultMessagePayload(new AggregateState(UUID, 7, "rack-1", "az1", AZ1, Set.of(),
                        fixture.currentTime(), null));
    }

    @Test
    void anAggregateWithoutAZoneHasNoMetadata() {
        fixture.givenNoPriorActivity()
                .when(new CreateAggregate(UUID, 7, "rack-1", null))
                .expectEvents(new AggregateCreated(UUID, 7, "rack-1", null, Map.of()));
    }

    @Test
    void refusesANameAnotherAggregateHolds() {
        directory.with(OTHER, "rack-1", null);
        fixture.givenNoPriorActivity()
                .when(new CreateAggregate(UUID, 7, "rack-1", null))
                .expectException(PolycellException.class)
                .expectExceptionMessage("Aggregate rack-1 already exists.")
                .expectException(refusedWith(ErrorCode.CONFLICT));
    }

    @Test
    void addingAHostRecordsItWithTheAggregatesZoneAndMetadata() {
        fixture.given(created("az1"))
                .when(new AddHostToAggregate(UUID, "cell1-host1"))
                .expectEvents(added("cell1-host1", "az1"));
    }

    @Test
    void refusesAHostAlreadyInTheAggregate() {
        fixture.given(created("az1"), added("cell1-host1", "az1"))
                .when(new AddHostToAggregate(UUID, "cell1-host1"))
                .expectExceptionMessage("Aggregate 7 already has host cell1-host1.")
                .expectException(refusedWith(ErrorCode.CONFLICT));
    }

    @Test
    void refusesAHostThatIsInAnotherZone() {
        directory.with(OTHER, "rack-0", "az1", "cell1-host1");
        fixture.given(created("az2"))
                .when(new AddHostToAggregate(UUID, "cell1-host1"))
                .expectExceptionMessage("Cannot add host to aggregate 7. Reason: One or more hosts already in "
                        + "availability zone(s) ['az1'].")
                .expectException(refusedWith(ErrorCode.CONFLICT));
    }

    @Test
    void aHostMayBeInSeveralAggregatesOfTheSameZone() {
        directory.with(OTHER, "rack-0", "az1", "cell1-host1");
        fixture.given(created("az1"))
                .when(new AddHostToAggregate(UUID, "cell1-host1"))
                .expectEvents(added("cell1-host1", "az1"));
    }

    @Test
    void anAggregateWithoutAZoneTakesAHostOfAnyZone() {
        directory.with(OTHER, "rack-0", "az1", "cell1-host1");
        fixture.given(created(null))
                .when(new AddHostToAggregate(UUID, "cell1-host1"))
                .expectEvents(added("cell1-host1", null));
    }

    @Test
    void removingAHostRecordsIt() {
        fixture.given(created("az1"), added("cell1-host1", "az1"))
                .when(new RemoveHostFromAggregate(UUID, "cell1-host1"))
                .expectEvents(new HostRemovedFromAggregate(UUID, "cell1-host1", "rack-1", "az1", AZ1));
    }

    @Test
    void removingAHostThatIsNotThereIsNotFound() {
        fixture.given(created("az1"))
                .when(new RemoveHostFromAggregate(UUID, "cell1-host9"))
                .expectExceptionMessage("Cannot remove host cell1-host9 in aggregate 7")
                .expectException(refusedWith(ErrorCode.NOT_FOUND));
    }

    @Test
    void metadataIsMergedAndANullValueRemovesItsKey() {
        Map<String, String> changes = new HashMap<>();
        changes.put("ssd", "true");
        changes.put("gpu", null);
        fixture.given(created("az1"), added("cell1-host1", "az1"),
                        new AggregateMetadataSet(UUID, "rack-1", "az1", Map.of("availability_zone", "az1", "gpu", "1"),
                                Set.of("cell1-host1")))
                .when(new SetAggregateMetadata(UUID, changes))
                .expectEvents(new AggregateMetadataSet(UUID, "rack-1", "az1",
                        Map.of("availability_zone", "az1", "ssd", "true"), Set.of("cell1-host1")));
    }

    @Test
    void theZoneKeyOfTheMetadataMovesTheAggregateToThatZone() {
        fixture.given(created("az1"), added("cell1-host1", "az1"))
                .when(new SetAggregateMetadata(UUID, Map.of("availability_zone", "az2")))
                .expectEvents(new AggregateMetadataSet(UUID, "rack-1", "az2", Map.of("availability_zone", "az2"),
                        Set.of("cell1-host1")));
    }

    @Test
    void refusesMetadataThatWouldPutAHostInASecondZone() {
        directory.with(OTHER, "rack-0", "az1", "cell1-host1");
        fixture.given(created(null), added("cell1-host1", null))
                .when(new SetAggregateMetadata(UUID, Map.of("availability_zone", "az2")))
                .expectExceptionMessage("Cannot update metadata of aggregate 7. Reason: One or more hosts already in "
                        + "availability zone(s) ['az1'].")
                .expectException(refusedWith(ErrorCode.BAD_REQUEST));
    }

    @Test
    void refusesToUnsetTheZone() {
        Map<String, String> unset = new HashMap<>();
        unset.put("availability_zone", null);
        fixture.given(created("az1"))
                .when(new SetAggregateMetadata(UUID, unset))
                .expectExceptionMessage("Cannot update metadata of aggregate 7. Reason: Aggregate rack-1 does not "
                        + "support empty named availability zone.")
                .expectException(refusedWith(ErrorCode.BAD_REQUEST));
    }

    @Test
    void anUpdateRenamesAndMovesTheZoneWithItsMetadata() {
        fixture.given(created("az1"), added("cell1-host1", "az1"))
                .when(new UpdateAggregate(UUID, "rack-2", Map.of("availability_zone", "az2")))
                .expectEvents(new AggregateUpdated(UUID, "rack-2", "az2", Map.of("availability_zone", "az2"),
                        Set.of("cell1-host1")));
    }

    @Test
    void anUpdateToANameAnotherAggregateHoldsConflicts() {
        directory.with(OTHER, "rack-0", null);
        fixture.given(created(null))
                .when(new UpdateAggregate(UUID, "rack-0", Map.of()))
                .expectExceptionMessage("Aggregate rack-0 already exists.")
                .expectException(refusedWith(ErrorCode.CONFLICT));
    }

    @Test
    void anUpdateThatWouldPutAHostInASecondZoneIsABadRequest() {
        directory.with(OTHER, "rack-0", "az1", "cell1-host1");
        fixture.given(created(null), added("cell1-host1", null))
                .when(new UpdateAggregate(UUID, null, Map.of("availability_zone", "az2")))
                .expectExceptionMessage("Cannot update aggregate 7. Reason: One or more hosts already in "
                        + "availability zone(s) ['az1'].")
                .expectException(refusedWith(ErrorCode.BAD_REQUEST));
    }

    @Test
    void anAggregateWithHostsCannotBeDeleted() {
        fixture.given(created("az1"), added("cell1-host1", "az1"))
                .when(new DeleteAggregate(UUID))
                .expectExceptionMessage("Cannot remove aggregate 7. Reason: Host aggregate is not empty.")
                .expectException(refusedWith(ErrorCode.BAD_REQUEST));
    }

    @Test
    void anEmptyAggregateIsDeleted() {
        fixture.given(created("az1"), added("cell1-host1", "az1"),
                        new HostRemovedFromAggregate(UUID, "cell1-host1", "rack-1", "az1", AZ1))
                .when(new DeleteAggregate(UUID))
                .expectEvents(new AggregateDeleted(UUID, "rack-1"))
                .expectMarkedDeleted();
    }

    @Test
    void aDeletedAggregateIsNotFound() {
        fixture.given(created(null), new AggregateDeleted(UUID, "rack-1"))
                .when(new AddHostToAggregate(UUID, "cell1-host1"))
                .expectException(AggregateNotFoundException.class);
    }
}
