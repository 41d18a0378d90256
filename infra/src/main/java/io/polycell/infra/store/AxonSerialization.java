package io.polycell.infra.store;

import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * The one serializer of every store: Jackson 3 for events, commands, sagas and tokens (no XStream).
 * Axon's replay token keeps its context as a polymorphic {@code Object}, which Jackson 3 refuses by
 * default; without the validator below a processor's token written before a restart cannot be read
 * after it, and the processor stops. Only Axon's and Polycell's own types may appear there.
 */
public final class AxonSerialization {

    private AxonSerialization() {
    }

    public static Serializer serializer() {
        BasicPolymorphicTypeValidator trusted = BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .allowIfSubType("io.polycell.")
                .build();
        return Jackson3Serializer.builder()
                .jsonMapperBuilderCustomizer(mapper -> mapper.polymorphicTypeValidator(trusted))
                .build();
    }
}
