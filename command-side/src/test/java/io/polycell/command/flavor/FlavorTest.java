package io.polycell.command.flavor;

import static org.assertj.core.api.Assertions.assertThat;

import io.polycell.command.Specs;
import io.polycell.command.support.Refusals;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import io.polycell.messages.flavor.CreateFlavor;
import io.polycell.messages.flavor.DeleteFlavor;
import io.polycell.messages.flavor.DeleteFlavorExtraSpec;
import io.polycell.messages.flavor.FlavorCreated;
import io.polycell.messages.flavor.FlavorDeleted;
import io.polycell.messages.flavor.FlavorExtraSpecDeleted;
import io.polycell.messages.flavor.FlavorExtraSpecsSet;
import io.polycell.messages.flavor.SetFlavorExtraSpecs;
import java.util.Map;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.Test;

class FlavorTest {

    private static final String SSD = "aggregate_instance_extra_specs:ssd";
    private static final String AVX2 = "trait:HW_CPU_X86_AVX2";

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

    @Test
    void settingExtraSpecsMergesThemIntoTheSpecNewServersCopy() {
        fixture.given(new FlavorCreated("1", Specs.TINY), new FlavorExtraSpecsSet("1", Map.of(SSD, "true")))
                .when(new SetFlavorExtraSpecs("1", Map.of(AVX2, "required")))
                .expectEvents(new FlavorExtraSpecsSet("1", Map.of(AVX2, "required")))
                .expectState(flavor -> assertThat(flavor.spec().extraSpecs())
                        .isEqualTo(Map.of(SSD, "true", AVX2, "required")));
    }

    @Test
    void settingAKeyAgainReplacesItsValue() {
        fixture.given(new FlavorCreated("1", Specs.TINY), new FlavorExtraSpecsSet("1", Map.of(SSD, "true")))
                .when(new SetFlavorExtraSpecs("1", Map.of(SSD, "false")))
                .expectEvents(new FlavorExtraSpecsSet("1", Map.of(SSD, "false")))
                .expectState(flavor -> assertThat(flavor.spec().extraSpecs()).isEqualTo(Map.of(SSD, "false")));
    }

    @Test
    void aValueTheFlavorAlreadyHasIsRecordedAgainAsEveryWriteIs() {
        fixture.given(new FlavorCreated("1", Specs.TINY), new FlavorExtraSpecsSet("1", Map.of(SSD, "true")))
                .when(new SetFlavorExtraSpecs("1", Map.of(SSD, "true")))
                .expectEvents(new FlavorExtraSpecsSet("1", Map.of(SSD, "true")));
        fixture.given(new FlavorCreated("1", Specs.TINY))
                .when(new SetFlavorExtraSpecs("1", Map.of()))
                .expectNoEvents();
    }

    @Test
    void deletingAnExtraSpecRemovesOnlyThatKey() {
        fixture.given(new FlavorCreated("1", Specs.TINY),
                        new FlavorExtraSpecsSet("1", Map.of(SSD, "true", AVX2, "required")))
                .when(new DeleteFlavorExtraSpec("1", SSD))
                .expectEvents(new FlavorExtraSpecDeleted("1", SSD))
                .expectState(flavor -> assertThat(flavor.spec().extraSpecs()).isEqualTo(Map.of(AVX2, "required")));
    }

    @Test
    void deletingAKeyTheFlavorDoesNotHaveIsNotFoundWithNovasMessage() {
        fixture.given(new FlavorCreated("1", Specs.TINY), new FlavorExtraSpecsSet("1", Map.of(SSD, "true")))
                .when(new DeleteFlavorExtraSpec("1", "hw:cpu_policy"))
                .expectNoEvents()
                .expectException(Matchers.predicate(failure -> failure instanceof PolycellException refusal
                        && Refusals.refusedWith(ErrorCode.NOT_FOUND).matches(refusal)
                        && refusal.getMessage().equals("Flavor 1 has no extra specs with key hw:cpu_policy.")));
    }

    @Test
    void extraSpecsOfADeletedFlavorCannotBeChanged() {
        fixture.given(new FlavorCreated("1", Specs.TINY), new FlavorDeleted("1"))
                .when(new SetFlavorExtraSpecs("1", Map.of(SSD, "true")))
                .expectException(AggregateNotFoundException.class);
    }
}
