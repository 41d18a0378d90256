package io.polycell.compute.driver.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import io.polycell.messages.instance.PowerState;
import org.junit.jupiter.api.Test;
import org.libvirt.DomainInfo.DomainState;

class DomainHandleTest {

    @Test
    void mapsLibvirtStatesAsNovaDoes() {
        assertThat(DomainHandle.powerState(DomainState.VIR_DOMAIN_RUNNING, false)).isEqualTo(PowerState.RUNNING);
        assertThat(DomainHandle.powerState(DomainState.VIR_DOMAIN_BLOCKED, false)).isEqualTo(PowerState.RUNNING);
        assertThat(DomainHandle.powerState(DomainState.VIR_DOMAIN_PAUSED, false)).isEqualTo(PowerState.PAUSED);
        assertThat(DomainHandle.powerState(DomainState.VIR_DOMAIN_SHUTDOWN, false)).isEqualTo(PowerState.SHUTDOWN);
        assertThat(DomainHandle.powerState(DomainState.VIR_DOMAIN_SHUTOFF, false)).isEqualTo(PowerState.SHUTDOWN);
        assertThat(DomainHandle.powerState(DomainState.VIR_DOMAIN_CRASHED, false)).isEqualTo(PowerState.CRASHED);
        assertThat(DomainHandle.powerState(DomainState.VIR_DOMAIN_PMSUSPENDED, false)).isEqualTo(PowerState.SUSPENDED);
        assertThat(DomainHandle.powerState(DomainState.VIR_DOMAIN_NOSTATE, false)).isEqualTo(PowerState.NOSTATE);
        assertThat(DomainHandle.powerState(null, false)).isEqualTo(PowerState.NOSTATE);
    }

    @Test
    void aShutOffDomainWithSavedMemoryIsSuspended() {
        assertThat(DomainHandle.powerState(DomainState.VIR_DOMAIN_SHUTOFF, true)).isEqualTo(PowerState.SUSPENDED);
    }
}
