package io.polycell.scheduler.weigher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polycell.messages.common.Resources;
import io.polycell.messages.group.ServerGroupPolicy;
import io.polycell.messages.instance.GroupHint;
import io.polycell.scheduler.HostColumns;
import io.polycell.scheduler.Hosts;
import io.polycell.scheduler.RequestSpec;
import java.util.Map;
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

    @Test
    void softAffinityScoresTheGroupsMembersOnTheHost() {
        HostColumns hosts = Hosts.columns(Hosts.host("a", capacity), Hosts.host("b", capacity));
        RequestSpec request = group(ServerGroupPolicy.SOFT_AFFINITY, Map.of("a", 2));
        ServerGroupSoftAffinityWeigher weigher = new ServerGroupSoftAffinityWeigher();

        assertThat(weigher.weigh(hosts, 0, request)).isEqualTo(2);
        assertThat(weigher.weigh(hosts, 1, request)).isEqualTo(0);
        assertThat(weigher.appliesTo(request)).isTrue();
        assertThat(weigher.appliesTo(group(ServerGroupPolicy.SOFT_ANTI_AFFINITY, Map.of()))).isFalse();
        assertThat(weigher.appliesTo(RequestSpec.of(capacity))).isFalse();
    }

    @Test
    void softAntiAffinityScoresTheGroupsMembersOnTheHostAgainstIt() {
        HostColumns hosts = Hosts.columns(Hosts.host("a", capacity), Hosts.host("b", capacity));
        RequestSpec request = group(ServerGroupPolicy.SOFT_ANTI_AFFINITY, Map.of("a", 2));
        ServerGroupSoftAntiAffinityWeigher weigher = new ServerGroupSoftAntiAffinityWeigher();

        assertThat(weigher.weigh(hosts, 0, request)).isEqualTo(-2);
        assertThat(weigher.weigh(hosts, 1, request)).isEqualTo(0);
        assertThat(weigher.appliesTo(request)).isTrue();
        assertThat(weigher.appliesTo(group(ServerGroupPolicy.AFFINITY, Map.of()))).isFalse();
    }

    @Test
    void multipliersAreReplacedByWeigherNameAndAnUnknownNameIsRefused() {
        Weighing weighing = Weighing.spread().withMultipliers(Map.of("ram", 2.5, "instances", 0.0));

        assertThat(weighing.weighers()).extracting(Weighing.Weighted::multiplier)
                .containsExactly(2.5, 1.0, 1.0, 0.0, 10.0, 10.0);
        assertThatThrownBy(() -> Weighing.spread().withMultipliers(Map.of("memory", 1.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No weigher is called memory");
    }

    private RequestSpec group(ServerGroupPolicy policy, Map<String, Integer> members) {
        return new RequestSpec(capacity, null, null, null, null, new GroupHint("g", policy, 1), members, null, null);
    }
}
