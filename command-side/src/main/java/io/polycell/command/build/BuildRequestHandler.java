package io.polycell.command.build;

import io.polycell.command.aggregate.AggregateDirectory;
import io.polycell.command.flavor.Flavor;
import io.polycell.command.group.ServerGroup;
import io.polycell.command.image.ImageCatalog;
import io.polycell.command.keypair.KeyPair;
import io.polycell.command.quota.ProjectQuotas;
import io.polycell.messages.build.Admission;
import io.polycell.messages.build.AdmitServers;
import io.polycell.messages.build.CreateBuildRequest;
import io.polycell.messages.common.Requester;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import io.polycell.messages.flavor.FlavorSpec;
import io.polycell.messages.image.ImageSpec;
import io.polycell.messages.instance.GroupHint;
import io.polycell.messages.instance.InstanceSpec;
import io.polycell.messages.quota.ClaimServerQuota;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/**
 * Accepts servers: resolves their flavor (from the flavor aggregate, so a deleted flavor is refused)
 * and image, claims the project's quota for them, and records their build requests with the whole
 * spec, so nothing downstream looks them up again. Claim and build requests are one transaction: a
 * claim never outlives a build request that failed to be recorded.
 */
public final class BuildRequestHandler {

    /** Nova's {@code default_availability_zone}: the zone of every host in no zoned aggregate. */
    static final String DEFAULT_ZONE = "nova";

    private final Repository<Flavor> flavors;
    private final Repository<ServerGroup> groups;
    private final Repository<KeyPair> keyPairs;
    private final Repository<InstanceMapping> mappings;
    private final ProjectQuotas quotas;
    private final ImageCatalog images;
    private final AggregateDirectory zones;
    private final Clock clock;
    private final AdmissionLanes lanes = new AdmissionLanes();

    public BuildRequestHandler(Repository<Flavor> flavors, Repository<ServerGroup> groups,
                               Repository<KeyPair> keyPairs, Repository<InstanceMapping> mappings,
                               ProjectQuotas quotas, ImageCatalog images, AggregateDirectory zones, Clock clock) {
        this.flavors = flavors;
        this.groups = groups;
        this.keyPairs = keyPairs;
        this.mappings = mappings;
        this.quotas = quotas;
        this.images = images;
        this.zones = zones;
        this.clock = clock;
    }

    /** Boots of one project arriving together share a transaction: see {@link AdmissionLanes}. */
    @CommandHandler
    public Admission handle(AdmitServers command) throws Exception {
        return lanes.admit(command, this::admit);
    }

    private List<String> admit(AdmitServers command) throws Exception {
        CreateBuildRequest first = command.servers().get(0);
        requireZone(first.availabilityZone());
        FlavorSpec flavor = flavor(first.flavorRef());
        ImageSpec image = images.find(first.imageRef()).orElseThrow(() -> new PolycellException(
                ErrorCode.BAD_REQUEST, "Image " + first.imageRef() + " could not be found."));
        GroupHint group = group(first);
        Requester requester = first.requester();
        requireKeyPair(requester, first.keyName());
        List<String> admitted = quotas.claimServers(new ClaimServerQuota(requester.projectId(), requester.userId(),
                command.servers().stream().map(CreateBuildRequest::instanceId).toList(), command.minCount(),
                flavor.vcpus(), flavor.ramMb(), first.metadata() == null ? 0 : first.metadata().size(),
                first.groupId()));
        for (CreateBuildRequest server : command.servers().subList(0, admitted.size())) {
            record(server, flavor, image, group, admitted);
        }
        return admitted;
    }

    /** Records one admitted server's build request; the servers admitted with it are placed in one decision. */
    private void record(CreateBuildRequest command, FlavorSpec flavor, ImageSpec image, GroupHint group,
                        List<String> batch) throws Exception {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        InstanceSpec spec = new InstanceSpec(command.instanceId(), command.name(), command.requester().projectId(),
                command.requester().userId(), flavor, image, command.metadata(), command.networks(), command.userData(),
                command.availabilityZone(), group, now, command.hints(), command.keyName());
        mappings.newInstance(() -> new InstanceMapping(spec, batch));
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
     * A key pair named for the server must be one of the requester's, as in Nova: Nova looks it up
     * among the user's key pairs and answers 400 when it is not there. Asked of the key pair's
     * aggregate, which holds the set of a user's names, not of a view that may lag.
     */
    private void requireKeyPair(Requester requester, String keyName) {
        if (keyName == null) {
            return;
        }
        boolean present;
        try {
            present = keyPairs.load(KeyPair.idOf(requester.userId(), keyName)).invoke(KeyPair::present);
        } catch (AggregateNotFoundException never) {
            present = false;
        }
        if (!present) {
            throw new PolycellException(ErrorCode.BAD_REQUEST, "Invalid key_name provided.");
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
