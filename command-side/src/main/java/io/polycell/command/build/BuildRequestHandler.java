package io.polycell.command.build;

import io.polycell.command.aggregate.AggregateDirectory;
import io.polycell.command.flavor.Flavor;
import io.polycell.command.group.ServerGroup;
import io.polycell.command.image.ImageCatalog;
import io.polycell.messages.build.CreateBuildRequest;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import io.polycell.messages.flavor.FlavorSpec;
import io.polycell.messages.image.ImageSpec;
import io.polycell.messages.instance.GroupHint;
import io.polycell.messages.instance.InstanceSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/**
 * Accepts a server: resolves its flavor (from the flavor aggregate, so a deleted flavor is refused)
 * and image, and records the build request with the whole spec, so nothing downstream looks them
 * up again.
 */
public final class BuildRequestHandler {

    /** Nova's {@code default_availability_zone}: the zone of every host in no zoned aggregate. */
    static final String DEFAULT_ZONE = "nova";

    private final Repository<Flavor> flavors;
    private final Repository<ServerGroup> groups;
    private final Repository<InstanceMapping> mappings;
    private final ImageCatalog images;
    private final AggregateDirectory zones;
    private final Clock clock;

    public BuildRequestHandler(Repository<Flavor> flavors, Repository<ServerGroup> groups,
                               Repository<InstanceMapping> mappings, ImageCatalog images, AggregateDirectory zones,
                               Clock clock) {
        this.flavors = flavors;
        this.groups = groups;
        this.mappings = mappings;
        this.images = images;
        this.zones = zones;
        this.clock = clock;
    }

    @CommandHandler
    public String handle(CreateBuildRequest command) throws Exception {
        requireZone(command.availabilityZone());
        FlavorSpec flavor = flavor(command.flavorRef());
        ImageSpec image = images.find(command.imageRef()).orElseThrow(() -> new PolycellException(
                ErrorCode.BAD_REQUEST, "Image " + command.imageRef() + " could not be found."));
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        InstanceSpec spec = new InstanceSpec(command.instanceId(), command.name(), command.requester().projectId(),
                command.requester().userId(), flavor, image, command.metadata(), command.networks(), command.userData(),
                command.availabilityZone(), group(command), now, command.hints());
        mappings.newInstance(() -> new InstanceMapping(spec, command.batch()));
        return command.instanceId();
    }

    private GroupHint group(CreateBuildRequest command) {
        if (command.groupId() == null) {
            return null;
        }
        try {
            return groups.load(command.groupId()).invoke(group -> group.hintFor(command.requester()));
        } catch (AggregateNotFoundException notFound) {
            throw new PolycellException(ErrorCode.BAD_REQUEST,
                    "Instance group " + command.groupId() + " could not be found.");
        }
    }

    /**
     * A zone asked for must exist, as in Nova: the default zone ({@code nova}) or the zone of an
     * aggregate that has hosts. Anything else is a 400 before the server is accepted, not a server
     * that ends in cell0.
     */
    private void requireZone(String zone) {
        if (zone != null && !DEFAULT_ZONE.equals(zone) && !zones.zoneHasHosts(zone)) {
            throw new PolycellException(ErrorCode.BAD_REQUEST, "The requested availability zone is not available");
        }
    }

    private FlavorSpec flavor(String flavorRef) {
        try {
            return flavors.load(flavorRef).invoke(Flavor::spec);
        } catch (AggregateNotFoundException notFound) {
            throw new PolycellException(ErrorCode.BAD_REQUEST, "Flavor " + flavorRef + " could not be found.");
        }
    }
}
