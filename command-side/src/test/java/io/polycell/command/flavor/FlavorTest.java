package io.polycell.command.flavor;

import io.polycell.command.Specs;
import io.polycell.messages.flavor.CreateFlavor;
import io.polycell.messages.flavor.DeleteFlavor;
import io.polycell.messages.flavor.FlavorCreated;
import io.polycell.messages.flavor.FlavorDeleted;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class FlavorTest {

    private final AggregateTestFixture<Flavor> fixture = new AggregateTestFixture<>(Flavor.class);

    @Test
    void aNewFlavorIsCreatedWithItsSpec() {
        fixture.givenNoPriorActivity()
                .when(new CreateFlavor("1", Specs.TINY))
                .expectEvents(new FlavorCreated("1", Specs.TINY));
    }

    @Test
    void aDeletedFlavorCannotBeDeletedAgain() {
        fixture.given(new FlavorCreated("1", Specs.TINY), new FlavorDeleted("1"))
                .when(new DeleteFlavor("1"))
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void deletingAFlavorRecordsIt() {
        fixture.given(new FlavorCreated("1", Specs.TINY))
                .when(new DeleteFlavor("1"))
                .expectEvents(new FlavorDeleted("1"))
                .expectMarkedDeleted();
    }
}
