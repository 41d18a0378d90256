package io.polycell.command.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polycell.command.Specs;
import io.polycell.command.quota.QuotaDefaults;
import io.polycell.command.support.InMemoryApiStore;
import io.polycell.messages.build.Admission;
import io.polycell.messages.build.AdmitServers;
import io.polycell.messages.build.BuildRequestCreated;
import io.polycell.messages.build.CreateBuildRequest;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellError;
import io.polycell.messages.flavor.CreateFlavor;
import io.polycell.messages.group.CreateServerGroup;
import io.polycell.messages.group.ServerGroupPolicy;
import io.polycell.messages.instance.GroupHint;
import io.polycell.messages.instance.NetworkSpec;
import io.polycell.messages.quota.QuotaResource;
import io.polycell.messages.quota.ServerQuotaClaimed;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The API tier's acceptance of servers on an in-memory API store: the quota's claim and the build
 * requests are stored in one unit of work or not at all, and only the servers the quota admitted get
 * a build request.
 */
class BuildRequestHandlerTest {

    private static final String PROJECT = Specs.OWNER.projectId();
    private static final String GROUP = "df82e73d-a2a7-491d-8ebe-121a4b221d32";
    /** Room for two servers: the instance quota is 2. */
    private static final QuotaDefaults TWO_INSTANCES = QuotaDefaults.nova().with(Map.of(QuotaResource.INSTANCES, 2));

    private InMemoryApiStore api;

    @AfterEach
    void stop() {
        api.close();
    }

    /** The store with the handler, whose build requests of {@code unrecordable} fail to be written. */
    private void start(QuotaDefaults defaults, String unrecordable) {
        api = new InMemoryApiStore(defaults, c -> InMemoryApiStore.buildRequests(c,
                failingFor(unrecordable, c.repository(InstanceMapping.class))));
        api.commands().sendAndWait(new CreateFlavor("1", Specs.TINY));
    }

    private void start(QuotaDefaults defaults) {
        start(defaults, null);
    }

    /** One request's servers, {@code <prefix>1} to {@code <prefix><count>}. */
    private static List<CreateBuildRequest> servers(String prefix, int count, String groupId) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> Specs.buildRequest(prefix + i, groupId)).toList();
    }

    private Admission admit(String prefix, int count, int minCount) {
        return api.commands().sendAndWait(new AdmitServers(servers(prefix, count, null), minCount));
    }

    private Admission admit(int count, int minCount) {
        return admit("s", count, minCount);
    }

    @Test
    void claimsTheQuotaAndRecordsEveryBuildRequestTogether() {
        start(QuotaDefaults.nova());

        Admission admission = admit(3, 3);

        assertThat(admission).isEqualTo(Admission.accepted(List.of("s1", "s2", "s3")));
        assertThat(api.events(ServerQuotaClaimed.class)).containsExactly(
                new ServerQuotaClaimed(PROJECT, Specs.OWNER.userId(), List.of("s1", "s2", "s3"), 1, 512, null));
        List<BuildRequestCreated> recorded = api.events(BuildRequestCreated.class);
        assertThat(recorded).extracting(BuildRequestCreated::instanceId).containsExactly("s1", "s2", "s3");
        assertThat(recorded).allSatisfy(created -> {
            assertThat(created.batch()).containsExactly("s1", "s2", "s3");
            assertThat(created.spec().flavor()).isEqualTo(Specs.TINY);
            assertThat(created.spec().image()).isEqualTo(Specs.CIRROS);
            assertThat(created.spec().createdAt()).isEqualTo(Specs.NOW);
        });
    }

    @Test
    void aBuildRequestThatCannotBeRecordedTakesTheWholeClaimWithIt() {
        start(TWO_INSTANCES, "s2");

        assertThatThrownBy(() -> admit(2, 2)).hasMessageContaining("could not write");

        assertThat(api.events(ServerQuotaClaimed.class)).isEmpty();
        assertThat(api.events(BuildRequestCreated.class)).isEmpty();
        // The quota in memory forgot the claim too: the project still has room for two servers.
        assertThat(api.usage(PROJECT).servers()).isEmpty();
        assertThat(admit("t", 2, 2).instanceIds()).containsExactly("t1", "t2");
    }

    @Test
    void onlyTheServersTheQuotaAdmittedGetABuildRequest() {
        start(TWO_INSTANCES);

        Admission admission = admit(4, 1);

        assertThat(admission.instanceIds()).containsExactly("s1", "s2");
        assertThat(api.events(BuildRequestCreated.class)).extracting(BuildRequestCreated::instanceId)
                .containsExactly("s1", "s2");
        assertThat(api.events(BuildRequestCreated.class)).allSatisfy(created ->
                assertThat(created.batch()).containsExactly("s1", "s2"));
        assertThat(api.usage(PROJECT).servers()).containsExactlyInAnyOrder("s1", "s2");
    }

    @Test
    void aMinCountThatDoesNotFitAdmitsNothingAndRecordsNothing() {
        start(TWO_INSTANCES);

        Admission admission = admit(4, 3);

        assertThat(admission.instanceIds()).isEmpty();
        assertThat(admission.refusal()).isEqualTo(new PolycellError(ErrorCode.FORBIDDEN,
                "Quota exceeded for instances: Requested 3-4, but already used 0 of 2 instances"));
        assertThat(api.events(ServerQuotaClaimed.class)).isEmpty();
        assertThat(api.events(BuildRequestCreated.class)).isEmpty();
    }

    @Test
    void anUnknownFlavorIsRefusedBeforeAnythingIsClaimed() {
        start(QuotaDefaults.nova());
        CreateBuildRequest unknown = new CreateBuildRequest("s1", "vm-1", "no-such-flavor", Specs.CIRROS.id(),
                Map.of(), NetworkSpec.AUTO, null, null, null, Specs.OWNER);

        Admission admission = api.commands().sendAndWait(new AdmitServers(List.of(unknown), 1));

        assertThat(admission.refusal()).isEqualTo(new PolycellError(ErrorCode.BAD_REQUEST,
                "Flavor no-such-flavor could not be found."));
        assertThat(api.events(ServerQuotaClaimed.class)).isEmpty();
    }

    @Test
    void serversJoiningAGroupCountAsItsMembersAndCarryItsHint() {
        start(QuotaDefaults.nova());
        api.commands().sendAndWait(new CreateServerGroup(GROUP, "web", "anti-affinity", Map.of(), PROJECT,
                Specs.OWNER.userId()));

        api.commands().sendAndWait(new AdmitServers(servers("s", 2, GROUP), 2));

        assertThat(api.events(ServerQuotaClaimed.class)).singleElement()
                .extracting(ServerQuotaClaimed::groupId).isEqualTo(GROUP);
        assertThat(api.events(BuildRequestCreated.class)).allSatisfy(created -> assertThat(created.spec().group())
                .isEqualTo(new GroupHint(GROUP, ServerGroupPolicy.ANTI_AFFINITY, 1)));
    }

    /** The mapping repository, failing to write {@code instanceId}'s build request as a full disk would. */
    private static Repository<InstanceMapping> failingFor(String instanceId, Repository<InstanceMapping> mappings) {
        return new Repository<>() {
            @Override
            public Aggregate<InstanceMapping> load(String id) {
                return mappings.load(id);
            }

            @Override
            public Aggregate<InstanceMapping> load(String id, Long expectedVersion) {
                return mappings.load(id, expectedVersion);
            }

            @Override
            public Aggregate<InstanceMapping> newInstance(Callable<InstanceMapping> factory) throws Exception {
                Aggregate<InstanceMapping> created = mappings.newInstance(factory);
                if (created.identifierAsString().equals(instanceId)) {
                    throw new IllegalStateException("The build request of " + instanceId + " could not write");
                }
                return created;
            }

            @Override
            public void send(Message<?> message, ScopeDescriptor scope) throws Exception {
                mappings.send(message, scope);
            }

            @Override
            public boolean canResolve(ScopeDescriptor scope) {
                return mappings.canResolve(scope);
            }
        };
    }
}
