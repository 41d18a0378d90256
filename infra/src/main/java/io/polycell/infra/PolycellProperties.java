package io.polycell.infra;

import io.polycell.command.quota.QuotaDefaults;
import io.polycell.command.routing.ConductorSettings;
import io.polycell.messages.common.Resources;
import io.polycell.messages.host.AllocationPolicy;
import io.polycell.messages.image.ImageSpec;
import io.polycell.messages.quota.QuotaResource;
import io.polycell.scheduler.weigher.Weighing;
import io.polycell.searchlight.cluster.SearchClusterSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded default's settings ({@code polycell.*}): where data lives, and each cell's hosts.
 *
 * @param dataDir where the embedded PostgreSQL keeps its data, across restarts
 * @param postgresPort the embedded PostgreSQL's port; 0 picks a free one
 * @param cells the cells with hosts, by name; cell0 always exists and has none
 * @param agent how the compute agents run their periodic tasks
 * @param conductor how long the cell conductors wait for hosts ({@code spawn-deadline},
 *     {@code action-deadline}; five minutes each by default)
 * @param images images added to the built-in catalog
 * @param scheduler how the scheduler weighs hosts
 * @param quota the quotas of projects that have none of their own
 * @param search where the search index of servers lives (the embedded Elasticsearch node by default)
 */
@ConfigurationProperties("polycell")
public record PolycellProperties(Path dataDir, int postgresPort, Map<String, CellProperties> cells,
                                 AgentProperties agent, ConductorSettings conductor, List<ImageProperties> images,
                                 SchedulerProperties scheduler, QuotaProperties quota, SearchProperties search) {

    public PolycellProperties {
        quota = quota == null ? new QuotaProperties(null) : quota;
        search = search == null ? new SearchProperties(null, null, null, null, null, null, null, null, null, null)
                : search;
        scheduler = scheduler == null ? new SchedulerProperties(null, null, null, null, null) : scheduler;
        images = images == null ? List.of() : List.copyOf(images);
        conductor = conductor == null ? ConductorSettings.defaults() : conductor;
        agent = agent == null ? new AgentProperties(null, null) : agent;
        dataDir = dataDir == null ? Path.of(System.getProperty("user.home"), ".polycell") : dataDir;
        cells = cells == null || cells.isEmpty() ? defaultCells() : new LinkedHashMap<>(cells);
        if (cells.containsKey("cell0") || cells.containsKey("api")) {
            throw new IllegalArgumentException("polycell.cells must not name cell0 or api: they are built in");
        }
    }

    /**
     * One cell's compute hosts, all alike. Unset sizes default to 4 hosts of 64 vCPUs, 256 GiB RAM and
     * 4000 GB disk each.
     *
     * @param hosts how many hosts the cell has
     * @param vcpus each host's vCPUs
     * @param ramMb each host's RAM in MB
     * @param diskGb each host's disk in GB
     * @param spawnDelay how long the fake driver takes to spawn a guest
     * @param driver {@code fake} (in memory, the default) or {@code libvirt}
     * @param libvirtUri the libvirt URI of each host, {@code {host}} standing for the host's name; the
     *     word {@code test} gives each host its own hypervisor on libvirt's test driver
     * @param libvirtDomainType {@code kvm}, {@code qemu} or {@code test}; {@code test} by default with the
     *     test driver, {@code kvm} otherwise
     * @param allocation how much of each host may be sold: allocation ratios and reserved amounts
     * @param traits the traits every fake host of the cell claims besides {@code COMPUTE_NODE}, such as
     *     {@code HW_CPU_X86_AVX2} or {@code CUSTOM_GPU} (a libvirt host reports its own)
     * @param hostTraits more traits for single fake hosts, by host name ({@code cell1-host2})
     */
    public record CellProperties(Integer hosts, Integer vcpus, Integer ramMb, Integer diskGb, Duration spawnDelay,
                                 String driver, String libvirtUri, String libvirtDomainType,
                                 AllocationProperties allocation, List<String> traits,
                                 Map<String, List<String>> hostTraits) {

        public CellProperties {
            hosts = hosts == null ? 4 : hosts;
            vcpus = vcpus == null ? 64 : vcpus;
            ramMb = ramMb == null ? 262144 : ramMb;
            diskGb = diskGb == null ? 4000 : diskGb;
            spawnDelay = spawnDelay == null ? Duration.ZERO : spawnDelay;
            driver = driver == null ? "fake" : driver;
            if (!driver.equals("fake") && !driver.equals("libvirt")) {
                throw new IllegalArgumentException("A cell's driver is fake or libvirt, got " + driver);
            }
            libvirtUri = libvirtUri == null ? "test" : libvirtUri;
            libvirtDomainType = libvirtDomainType != null ? libvirtDomainType
                    : libvirtUri.equals("test") ? "test" : "kvm";
            if (hosts < 0 || vcpus <= 0 || ramMb <= 0 || diskGb <= 0) {
                throw new IllegalArgumentException("A cell needs 0 or more hosts with positive vcpus, ram-mb and disk-gb");
            }
            allocation = allocation == null ? new AllocationProperties(null, null, null, null, null, null) : allocation;
            traits = traits == null ? List.of() : List.copyOf(traits);
            hostTraits = hostTraits == null ? Map.of() : Map.copyOf(hostTraits);
            if (driver.equals("libvirt") && (!traits.isEmpty() || !hostTraits.isEmpty())) {
                throw new IllegalArgumentException("Traits are configured for fake hosts only: a libvirt host reports"
                        + " the traits of its hypervisor");
            }
        }

        /** The traits configured for one of the cell's fake hosts: the cell's and the host's own. */
        public Set<String> traitsOf(String host) {
            Set<String> all = new TreeSet<>(traits);
            all.addAll(hostTraits.getOrDefault(host, List.of()));
            return all;
        }
    }

    /**
     * Nova's allocation ratios and reserved host resources, for every host of a cell. By default a host
     * is sold exactly once and keeps nothing back, so the capacity configured is the capacity sold; set
     * {@code cpu-ratio: 4.0} and {@code reserved-ram-mb: 512} for Nova's initial values.
     */
    public record AllocationProperties(Double cpuRatio, Double ramRatio, Double diskRatio, Integer reservedVcpus,
                                       Integer reservedRamMb, Integer reservedDiskGb) {

        /** The policy the cell's agents report; refuses ratios that are not positive and negative reservations. */
        public AllocationPolicy policy() {
            return new AllocationPolicy(orOne(cpuRatio), orOne(ramRatio), orOne(diskRatio),
                    new Resources(orZero(reservedVcpus), orZero(reservedRamMb), orZero(reservedDiskGb)));
        }

        private static double orOne(Double ratio) {
            return ratio == null ? 1.0 : ratio;
        }

        private static int orZero(Integer amount) {
            return amount == null ? 0 : amount;
        }
    }

    /**
     * The agents' periodic tasks.
     *
     * @param heartbeatInterval how often an agent tells its cell it is alive (default 10 s)
     * @param syncInterval how often it compares its guests with its host's claims (default 30 s)
     */
    public record AgentProperties(Duration heartbeatInterval, Duration syncInterval) {

        public AgentProperties {
            heartbeatInterval = heartbeatInterval == null ? Duration.ofSeconds(10) : heartbeatInterval;
            syncInterval = syncInterval == null ? Duration.ofSeconds(30) : syncInterval;
        }
    }

    /**
     * The scheduler's choices.
     *
     * @param weighing {@code spread} (the default: emptier hosts first) or {@code pack} (fill hosts up)
     * @param maxInstancesPerHost the most instances a host may run (default 500)
     * @param replicas how many scheduler replicas run, each with its own host states (default 1)
     * @param snapshotEvery every how many events the first replica saves a snapshot of its host states,
     *     which the replicas of the next start begin from (default 100,000; 0 for none)
     * @param weightMultipliers multipliers that replace the weighing's, by weigher: {@code ram},
     *     {@code cpu}, {@code disk}, {@code instances}, {@code soft-affinity}, {@code soft-anti-affinity}
     */
    public record SchedulerProperties(String weighing, Integer maxInstancesPerHost, Integer replicas,
                                      Integer snapshotEvery, Map<String, Double> weightMultipliers) {

        public SchedulerProperties {
            weighing = weighing == null ? "spread" : weighing;
            if (!weighing.equals("spread") && !weighing.equals("pack")) {
                throw new IllegalArgumentException("polycell.scheduler.weighing is spread or pack, got " + weighing);
            }
            maxInstancesPerHost = maxInstancesPerHost == null ? 500 : maxInstancesPerHost;
            replicas = replicas == null ? 1 : replicas;
            if (replicas < 1) {
                throw new IllegalArgumentException("polycell.scheduler.replicas must be at least 1");
            }
            snapshotEvery = snapshotEvery == null ? 100_000 : snapshotEvery;
            weightMultipliers = weightMultipliers == null ? Map.of() : Map.copyOf(weightMultipliers);
            Weighing.spread().withMultipliers(weightMultipliers);
            if (snapshotEvery < 0) {
                throw new IllegalArgumentException("polycell.scheduler.snapshot-every is 0 (off) or a number of events");
            }
        }

        /** The weighers and multipliers configured. */
        public Weighing weighers() {
            return (weighing.equals("pack") ? Weighing.pack() : Weighing.spread()).withMultipliers(weightMultipliers);
        }
    }

    /**
     * An image the operator adds to the catalog ({@code polycell.images[0].id=...}).
     *
     * @param properties image properties, such as {@code kernel_path}, {@code initrd_path} and
     *     {@code kernel_cmdline} for direct kernel boot on libvirt
     */
    public record ImageProperties(String id, String name, Integer minDiskGb, Integer minRamMb, String diskFormat,
                                  Map<String, String> properties) {

        public ImageProperties {
            if (id == null || id.isBlank() || name == null || name.isBlank()) {
                throw new IllegalArgumentException("A configured image needs an id and a name");
            }
        }

        ImageSpec toSpec() {
            return new ImageSpec(id, name, minDiskGb == null ? 0 : minDiskGb, minRamMb == null ? 0 : minRamMb, 0L,
                    diskFormat == null ? "raw" : diskFormat, properties == null ? Map.of() : Map.copyOf(properties));
        }
    }

    /**
     * Quotas ({@code polycell.quota.*}).
     *
     * @param defaults the limits of every project without its own ({@code polycell.quota.defaults.instances=20});
     *     Nova's defaults for whatever is not set
     */
    public record QuotaProperties(QuotaLimitProperties defaults) {

        public QuotaProperties {
            defaults = defaults == null ? new QuotaLimitProperties(null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null) : defaults;
        }

        /** The configured defaults over Nova's. */
        public QuotaDefaults toDefaults() {
            return QuotaDefaults.nova().with(defaults.byResource());
        }
    }

    /**
     * Default limits by Nova's quota names ({@code server-group-members} or {@code server_group_members});
     * -1 is unlimited, null keeps Nova's default.
     */
    public record QuotaLimitProperties(Integer instances, Integer cores, Integer ram, Integer metadataItems,
                                       Integer keyPairs, Integer serverGroups, Integer serverGroupMembers,
                                       Integer injectedFiles, Integer injectedFileContentBytes,
                                       Integer injectedFilePathBytes, Integer fixedIps, Integer floatingIps,
                                       Integer securityGroups, Integer securityGroupRules) {

        Map<QuotaResource, Integer> byResource() {
            Map<QuotaResource, Integer> limits = new EnumMap<>(QuotaResource.class);
            limits.put(QuotaResource.INSTANCES, instances);
            limits.put(QuotaResource.CORES, cores);
            limits.put(QuotaResource.RAM, ram);
            limits.put(QuotaResource.METADATA_ITEMS, metadataItems);
            limits.put(QuotaResource.KEY_PAIRS, keyPairs);
            limits.put(QuotaResource.SERVER_GROUPS, serverGroups);
            limits.put(QuotaResource.SERVER_GROUP_MEMBERS, serverGroupMembers);
            limits.put(QuotaResource.INJECTED_FILES, injectedFiles);
            limits.put(QuotaResource.INJECTED_FILE_CONTENT_BYTES, injectedFileContentBytes);
            limits.put(QuotaResource.INJECTED_FILE_PATH_BYTES, injectedFilePathBytes);
            limits.put(QuotaResource.FIXED_IPS, fixedIps);
            limits.put(QuotaResource.FLOATING_IPS, floatingIps);
            limits.put(QuotaResource.SECURITY_GROUPS, securityGroups);
            limits.put(QuotaResource.SECURITY_GROUP_RULES, securityGroupRules);
            return limits;
        }
    }

    private static Map<String, CellProperties> defaultCells() {
        Map<String, CellProperties> cells = new LinkedHashMap<>();
        cells.put("cell1", new CellProperties(null, null, null, null, null, null, null, null, null, null, null));
        cells.put("cell2", new CellProperties(null, null, null, null, null, null, null, null, null, null, null));
        return cells;
    }

    /**
     * The search index of servers ({@code polycell.search.*}). Without a URL the embedded default starts
     * its own Elasticsearch node under {@code <data-dir>/elasticsearch}; with one it uses that cluster.
     *
     * @param enabled        false to run without a search index: servers are listed by merging the views
     * @param url            an external cluster's node URLs, comma-separated ({@code https://es1:9200,...})
     * @param apiKey         the external cluster's API key (encoded, as Elasticsearch hands it out)
     * @param username       a user of the external cluster, with {@code password}
     * @param password       that user's password
     * @param caCertificate  the PEM file of the CA that signed the cluster's HTTP certificate
     * @param caFingerprint  or that CA's SHA-256 fingerprint
     * @param heap           the embedded node's heap ({@code 512m} by default)
     * @param port           the embedded node's HTTP port on 127.0.0.1; 0 (the default) picks a free one
     * @param maxLag         how far behind the events the index may be and still answer listings (10 s)
     */
    public record SearchProperties(Boolean enabled, String url, String apiKey, String username, String password,
                                   Path caCertificate, String caFingerprint, String heap, Integer port,
                                   Duration maxLag) {

        public SearchProperties {
            enabled = enabled == null || enabled;
            heap = heap == null ? "512m" : heap;
            port = port == null ? 0 : port;
            maxLag = maxLag == null ? Duration.ofSeconds(10) : maxLag;
            if (maxLag.isNegative()) {
                throw new IllegalArgumentException("polycell.search.max-lag must not be negative");
            }
        }

        /** Whether an external cluster is configured rather than the embedded node. */
        public boolean external() {
            return url != null && !url.isBlank();
        }

        /** The external cluster's settings; only when {@link #external()}. */
        public SearchClusterSettings externalCluster() {
            List<URI> urls = Arrays.stream(url.split(",")).map(String::trim).filter(u -> !u.isEmpty())
                    .map(URI::create).toList();
            return SearchClusterSettings.external(urls, apiKey, username, password, caCertificate, caFingerprint);
        }
    }
}
