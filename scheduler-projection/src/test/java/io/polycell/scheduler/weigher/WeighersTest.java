package io.polycell.scheduler.weigher;

import static org.assertj.core.api.Assertions.assertThat;

import io.polycell.messages.common.Resources;
import io.polycell.scheduler.Hosts;
import org.junit.jupiter.api.Test;

/** Each weigher scores the quantity it is named for. */
class WeighersTest {

    private final Resources capacity = new Resources(8, 8192, 100);

    @Test
    void freeRamScoresFreeMegabytes() {
        assertThat(new FreeRamWeigher().weigh(Hosts.used("a", capacity, new Resources(0, 1024, 0)))).isEqualTo(7168);
    }

    @Test
    void freeVcpuScoresFreeVcpus() {
        assertThat(new FreeVcpuWeigher().weigh(Hosts.used("a", capacity, new Resources(3, 0, 0)))).isEqualTo(5);
    }

    @Test
    void freeDiskScoresFreeGigabytes() {
        assertThat(new FreeDiskWeigher().weigh(Hosts.used("a", capacity, new Resources(0, 0, 40)))).isEqualTo(60);
    }

    @Test
    void instanceCountScoresInstances() {
        assertThat(new InstanceCountWeigher().weigh(Hosts.withInstances("a", 7))).isEqualTo(7);
    }
}
