package io.polycell.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polycell.messages.common.Resources;
import io.polycell.messages.host.AllocationPolicy;
import io.polycell.messages.host.HostRegistered;
import org.junit.jupiter.api.Test;

class AllocationPolicyTest {

    private static final Resources HOST = new Resources(16, 65536, 1000);

    @Test
    void noPolicySellsTheHostOnce() {
        assertThat(AllocationPolicy.NONE.schedulable(HOST)).isEqualTo(HOST);
    }

    @Test
    void theReservationComesOffBeforeTheRatioMultiplies() {
        AllocationPolicy policy = new AllocationPolicy(4.0, 1.5, 1.0, new Resources(2, 512, 100));

        assertThat(policy.schedulable(HOST)).isEqualTo(new Resources((16 - 2) * 4, (65536 - 512) * 3 / 2, 900));
    }

    @Test
    void fractionsRoundDownAndAReservationBeyondTheHostLeavesNothing() {
        AllocationPolicy policy = new AllocationPolicy(1.3, 1.0, 1.0, new Resources(0, 70000, 0));

        assertThat(policy.schedulable(new Resources(3, 65536, 10))).isEqualTo(new Resources(3, 0, 10));
    }

    @Test
    void ratiosMustBePositiveAndReservationsNotNegative() {
        assertThatThrownBy(() -> new AllocationPolicy(0, 1, 1, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AllocationPolicy(1, Double.NaN, 1, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AllocationPolicy(1, 1, 1, new Resources(0, -1, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHostRegisteredBeforePoliciesExistedIsSoldOnce() {
        HostRegistered old = new HostRegistered("h1", "cell1", HOST, null, null);

        assertThat(old.schedulable()).isEqualTo(HOST);
        assertThat(old.capabilities()).isEmpty();
    }
}
