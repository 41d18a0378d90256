package io.polycell.infra.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;

/** Regression: a processor's replay token written before a restart must be readable after it. */
class AxonSerializationTest {

    private final Serializer serializer = AxonSerialization.serializer();

    @Test
    void aReplayTokenSurvivesARoundTrip() {
        TrackingToken token = ReplayToken.createReplayToken(GapAwareTrackingToken.newInstance(41, List.of(7L)),
                GapAwareTrackingToken.newInstance(3, List.of()));

        SerializedObject<byte[]> stored = serializer.serialize(token, byte[].class);
        Object read = serializer.deserialize(stored);

        assertThat(read).isEqualTo(token);
    }
}
