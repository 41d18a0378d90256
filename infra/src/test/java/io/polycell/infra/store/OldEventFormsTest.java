package io.polycell.infra.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.polycell.messages.common.Resources;
import io.polycell.messages.flavor.FlavorCreated;
import io.polycell.messages.flavor.FlavorSpec;
import io.polycell.messages.host.AllocationPolicy;
import io.polycell.messages.host.HostInventoryChanged;
import io.polycell.messages.host.HostRegistered;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.junit.jupiter.api.Test;

/**
 * Events as the store holds them from before a field was added (fixtures serialized by the earlier
 * code) still read, with the new field empty: no upcaster is needed for a field that was only added.
 */
class OldEventFormsTest {

    private static final Resources HOST_SIZE = new Resources(64, 262144, 4000);
    private static final AllocationPolicy POLICY = new AllocationPolicy(4.0, 1.0, 1.0, new Resources(0, 512, 0));
    private static final Map<String, String> FAKE = Map.of("hypervisor_type", "fake", "architecture", "x86_64");

    private final Serializer serializer = AxonSerialization.serializer();

    @Test
    void aFlavorCreatedBeforeExtraSpecsHasNone() throws IOException {
        FlavorCreated event = read("FlavorCreated-before-extra-specs.json", FlavorCreated.class);

        assertThat(event).isEqualTo(new FlavorCreated("1", new FlavorSpec("1", "m1.tiny", 1, 512, 1, 0, 0, 1.0, true)));
        assertThat(event.spec().extraSpecs()).isEmpty();
    }

    @Test
    void aHostRegisteredOrChangedBeforeTraitsHasNone() throws IOException {
        HostRegistered registered = read("HostRegistered-before-traits.json", HostRegistered.class);
        HostInventoryChanged changed = read("HostInventoryChanged-before-traits.json", HostInventoryChanged.class);

        assertThat(registered).isEqualTo(new HostRegistered("cell1-host1", "cell1", HOST_SIZE, POLICY, FAKE, Set.of()));
        assertThat(changed).isEqualTo(new HostInventoryChanged("cell1-host1", "cell1", HOST_SIZE, POLICY, FAKE,
                Set.of()));
    }

    @Test
    void theNewFieldsSurviveARoundTrip() {
        HostRegistered registered = new HostRegistered("h", "cell1", HOST_SIZE, POLICY, FAKE,
                Set.of("COMPUTE_NODE", "HW_CPU_X86_AVX2"));
        FlavorCreated created = new FlavorCreated("x", new FlavorSpec("x", "x", 1, 1, 1, 0, 0, 1.0, true,
                Map.of("trait:HW_CPU_X86_AVX2", "required")));

        assertThat((Object) serializer.deserialize(serializer.serialize(registered, byte[].class)))
                .isEqualTo(registered);
        assertThat((Object) serializer.deserialize(serializer.serialize(created, byte[].class))).isEqualTo(created);
    }

    private <T> T read(String fixture, Class<T> type) throws IOException {
        try (InputStream json = getClass().getResourceAsStream("/old-events/" + fixture)) {
            byte[] data = json.readAllBytes();
            return serializer.deserialize(new SimpleSerializedObject<>(data, byte[].class,
                    new SimpleSerializedType(type.getName(), "1")));
        }
    }
}
