package io.polycell.command.build;

import io.polycell.command.Specs;
import io.polycell.command.support.Refusals;
import io.polycell.messages.build.BuildRequestCancelled;
import io.polycell.messages.build.BuildRequestCreated;
import io.polycell.messages.build.BuildRequestDeleted;
import io.polycell.messages.build.CompleteBuildRequest;
import io.polycell.messages.build.DeleteServer;
import io.polycell.messages.build.InstanceMapped;
import io.polycell.messages.build.ServerLocation;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class InstanceMappingTest {

    private static final String ID = "i-1";
    private final AggregateTestFixture<InstanceMapping> fixture = new AggregateTestFixture<>(InstanceMapping.class);
    private final BuildRequestCreated accepted = new BuildRequestCreated(ID, Specs.instance(ID));

    @Test
    void placingABuildRequestMapsTheInstanceAndDeletesTheRequest() {
        fixture.given(accepted)
                .when(new CompleteBuildRequest(ID, "cell2"))
                .expectEvents(new InstanceMapped(ID, "cell2", "tenant-a"), new BuildRequestDeleted(ID));
    }

    @Test
    void placingItAgainInTheSameCellChangesNothing() {
        fixture.given(accepted, new InstanceMapped(ID, "cell2", "tenant-a"), new BuildRequestDeleted(ID))
                .when(new CompleteBuildRequest(ID, "cell2"))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anInstanceNeverMovesToAnotherCell() {
        fixture.given(accepted, new InstanceMapped(ID, "cell2", "tenant-a"), new BuildRequestDeleted(ID))
                .when(new CompleteBuildRequest(ID, "cell1"))
                .expectException(PolycellException.class);
    }

    @Test
    void deletingBeforePlacementCancelsTheBuildRequest() {
        fixture.given(accepted)
                .when(new DeleteServer(ID, Specs.OWNER))
                .expectEvents(new BuildRequestCancelled(ID, "tenant-a"))
                .expectResultMessagePayload(new ServerLocation(null, null));
    }

    @Test
    void placingACancelledBuildRequestIsRefusedSoTheConductorCleansUp() {
        fixture.given(accepted, new BuildRequestCancelled(ID, "tenant-a"))
                .when(new CompleteBuildRequest(ID, "cell1"))
                .expectNoEvents()
                .expectExceptionMessage("Instance i-1 was deleted before it was mapped")
                .expectException(PolycellException.class);
    }

    @Test
    void deletingAMappedServerTellsWhichCellHoldsIt() {
        fixture.given(accepted, new InstanceMapped(ID, "cell1", "tenant-a"), new BuildRequestDeleted(ID))
                .when(new DeleteServer(ID, Specs.ADMIN))
                .expectNoEvents()
                .expectResultMessagePayload(new ServerLocation("cell1", null));
    }

    @Test
    void anotherProjectCannotDeleteTheServer() {
        fixture.given(accepted)
                .when(new DeleteServer(ID, Specs.STRANGER))
                .expectNoEvents()
                .expectException(Refusals.refusedWith(ErrorCode.NOT_FOUND));
    }

    @Test
    void aCancelledServerIsGone() {
        fixture.given(accepted, new BuildRequestCancelled(ID, "tenant-a"))
                .when(new DeleteServer(ID, Specs.OWNER))
                .expectException(Refusals.refusedWith(ErrorCode.NOT_FOUND));
    }
}
