package io.polycell.command.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polycell.command.Specs;
import io.polycell.messages.build.Admission;
import io.polycell.messages.build.AdmitServers;
import io.polycell.messages.build.CreateBuildRequest;
import io.polycell.messages.common.Requester;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellError;
import io.polycell.messages.error.PolycellException;
import io.polycell.messages.instance.NetworkSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AdmissionLanesTest {

    private static final int BOOTS = 16;

    private final AdmissionLanes lanes = new AdmissionLanes();
    private final ExecutorService threads = Executors.newFixedThreadPool(BOOTS);
    /** Which unit of work admitted each boot. */
    private final Map<String, UnitOfWork<?>> admittedIn = new ConcurrentHashMap<>();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private static AdmitServers boot(String id, Requester requester) {
        return new AdmitServers(List.of(new CreateBuildRequest(id, "vm-" + id, "1", Specs.CIRROS.id(), Map.of(),
                NetworkSpec.AUTO, null, null, null, requester)), 1);
    }

    /** Admits every boot in a transaction of its own thread, the first one held until all wait. */
    private List<Future<Admission>> admitAll(List<AdmitServers> boots, CountDownLatch release,
                                             Consumer<UnitOfWork<?>> end) {
        List<Future<Admission>> answers = new ArrayList<>();
        for (AdmitServers boot : boots) {
            answers.add(threads.submit(() -> {
                UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage(boot));
                try {
                    Admission admission = lanes.admit(boot, command -> {
                        String id = command.servers().get(0).instanceId();
                        admittedIn.put(id, unitOfWork.root());
                        release.await(10, TimeUnit.SECONDS);
                        if (id.startsWith("refused")) {
                            throw new PolycellException(ErrorCode.FORBIDDEN, "Quota exceeded for " + id);
                        }
                        return List.of(id);
                    });
                    end.accept(unitOfWork);
                    return admission;
                } catch (Exception e) {
                    if (unitOfWork.isActive()) {
                        unitOfWork.rollback(e);
                    }
                    throw e;
                }
            }));
        }
        return answers;
    }

    private List<AdmitServers> boots(String prefix, Requester requester) {
        List<AdmitServers> boots = new ArrayList<>();
        for (int i = 0; i < BOOTS; i++) {
            boots.add(boot(prefix + i, requester));
        }
        return boots;
    }

    @Test
    void bootsOfAProjectArrivingTogetherShareATransactionAndGetTheirOwnAnswers() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Future<Admission>> answers = admitAll(boots("vm", Specs.OWNER), release, UnitOfWork::commit);
        Thread.sleep(300);
        release.countDown();

        for (int i = 0; i < BOOTS; i++) {
            assertThat(answers.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(Admission.accepted(List.of("vm" + i)));
        }
        assertThat(admittedIn).hasSize(BOOTS);
        assertThat(Set.copyOf(admittedIn.values())).as("transactions that admitted %d boots", BOOTS).hasSizeLessThan(4);
    }

    @Test
    void aRefusalIsAnAnswerAndTheOthersStillCommit() throws Exception {
        List<AdmitServers> boots = List.of(boot("accepted-1", Specs.OWNER), boot("refused-1", Specs.OWNER),
                boot("accepted-2", Specs.OWNER));
        List<Future<Admission>> answers = admitAll(boots, new CountDownLatch(0), UnitOfWork::commit);

        assertThat(answers.get(0).get(10, TimeUnit.SECONDS)).isEqualTo(Admission.accepted(List.of("accepted-1")));
        assertThat(answers.get(1).get(10, TimeUnit.SECONDS)).isEqualTo(Admission.refused(
                new PolycellError(ErrorCode.FORBIDDEN, "Quota exceeded for refused-1")));
        assertThat(answers.get(2).get(10, TimeUnit.SECONDS)).isEqualTo(Admission.accepted(List.of("accepted-2")));
    }

    @Test
    void whenTheTransactionRollsBackEveryBootItAdmittedFails() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Future<Admission>> answers = admitAll(boots("vm", Specs.OWNER), release, unitOfWork -> {
            IllegalStateException failure = new IllegalStateException("the database went away");
            unitOfWork.rollback(failure);
            throw failure;
        });
        Thread.sleep(300);
        release.countDown();

        for (Future<Admission> answer : answers) {
            assertThatThrownBy(() -> answer.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("the database went away");
        }
    }

    @Test
    void bootsOfDifferentProjectsDoNotShareATransaction() throws Exception {
        List<AdmitServers> boots = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            boots.add(boot("p" + i, new Requester("user", "project-" + i, false)));
        }
        CountDownLatch release = new CountDownLatch(1);
        List<Future<Admission>> answers = admitAll(boots, release, UnitOfWork::commit);
        Thread.sleep(300);
        release.countDown();

        for (Future<Admission> answer : answers) {
            assertThat(answer.get(10, TimeUnit.SECONDS).refusal()).isNull();
        }
        assertThat(Set.copyOf(admittedIn.values())).hasSize(4);
    }
}
