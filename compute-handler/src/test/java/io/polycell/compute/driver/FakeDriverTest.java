package io.polycell.compute.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polycell.messages.common.Resources;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FakeDriverTest {

    private static final Resources SIZE = new Resources(8, 8192, 100);

    @Test
    void aFakeHostClaimsTheConfiguredTraitsBesidesBeingAComputeNode() {
        assertThat(new FakeDriver(SIZE, Duration.ZERO).traits()).containsExactly("COMPUTE_NODE");
        assertThat(new FakeDriver(SIZE, Duration.ZERO, Set.of("HW_CPU_X86_AVX2", "CUSTOM_GPU")).traits())
                .containsExactly("COMPUTE_NODE", "CUSTOM_GPU", "HW_CPU_X86_AVX2");
    }

    @Test
    void aTraitNotNamedAsNovaNamesThemIsRefused() {
        assertThatThrownBy(() -> new FakeDriver(SIZE, Duration.ZERO, Set.of("avx2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got avx2");
    }
}
