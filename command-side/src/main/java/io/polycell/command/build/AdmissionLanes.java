package io.polycell.command.build;

import io.polycell.command.routing.CommandRouter;
import io.polycell.messages.build.Admission;
import io.polycell.messages.build.AdmitServers;
import io.polycell.messages.error.PolycellException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Admits the boots of one project that arrive together in one transaction. A project's boots go
 * through its quota one at a time, and the quota stays locked until the transaction that records the
 * claim commits; one commit per boot would let a burst of boots into one project wait on as many
 * commits. Here the first boot of a project to find no admission under way leads: in its own unit of
 * work it admits, one after the other, every boot of that project waiting at that moment, and all of
 * them learn their answer when that unit of work commits (or fail with it). Each boot is still
 * decided on its own, in order, by the project's quota. Boots of different projects never wait for
 * each other.
 */
final class AdmissionLanes {

    /** The most boots one transaction admits. */
    static final int MOST_PER_TRANSACTION = 64;
    private static final long WAIT_STEP_MILLIS = 5;

    /** Admits one boot inside the current unit of work; a refusal is thrown as a {@link PolycellException}. */
    @FunctionalInterface
    interface Admitter {
        List<String> admit(AdmitServers command) throws Exception;
    }

    /**
     * One boot waiting for its answer: given through {@code answer} when the transaction that decided
     * it commits, or directly to the thread that decided it (its own command's transaction).
     */
    private static final class Waiting {
        final AdmitServers command;
        final CompletableFuture<Admission> answer = new CompletableFuture<>();
        volatile Thread decidedBy;
        volatile Admission decision;

        Waiting(AdmitServers command) {
            this.command = command;
        }
    }

    /** One project's boots waiting, and whether one of them is admitting the others. */
    private static final class Lane {
        final Queue<Waiting> waiting = new ConcurrentLinkedQueue<>();
        final AtomicBoolean leading = new AtomicBoolean();
    }

    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    /** Admits {@code command}, together with whatever boots of the same project wait with it. */
    Admission admit(AdmitServers command, Admitter admitter) throws Exception {
        String projectId = command.servers().get(0).requester().projectId();
        Lane lane = lanes.computeIfAbsent(projectId, project -> new Lane());
        Waiting mine = new Waiting(command);
        lane.waiting.add(mine);
        long deadline = System.nanoTime() + CommandRouter.TIMEOUT.toNanos();
        while (true) {
            if (mine.decidedBy == null && lane.leading.compareAndSet(false, true)) {
                try {
                    admitWaiting(lane, admitter);
                } finally {
                    lane.leading.set(false);
                }
                if (mine.decidedBy == Thread.currentThread()) {
                    return mine.decision;
                }
            }
            try {
                return mine.answer.get(WAIT_STEP_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("No admission of project " + projectId + " within "
                            + CommandRouter.TIMEOUT);
                }
            } catch (ExecutionException failed) {
                throw failed.getCause() instanceof Exception cause ? cause : failed;
            }
        }
    }

    /**
     * Admits the waiting boots in the current unit of work; their answers are given when it commits,
     * and they fail with it if it rolls back.
     */
    private static void admitWaiting(Lane lane, Admitter admitter) throws Exception {
        List<Waiting> taken = new ArrayList<>();
        List<Admission> answers = new ArrayList<>();
        Waiting next;
        while (taken.size() < MOST_PER_TRANSACTION && (next = lane.waiting.poll()) != null) {
            taken.add(next);
            Admission decision;
            try {
                decision = Admission.accepted(admitter.admit(next.command));
            } catch (PolycellException refused) {
                decision = Admission.refused(refused.error());
            } catch (Exception failure) {
                taken.forEach(waiting -> waiting.answer.completeExceptionally(failure));
                throw failure;
            }
            answers.add(decision);
            next.decision = decision;
            next.decidedBy = Thread.currentThread();
        }
        CurrentUnitOfWork.get().afterCommit(unitOfWork -> {
            for (int i = 0; i < taken.size(); i++) {
                taken.get(i).answer.complete(answers.get(i));
            }
        });
        CurrentUnitOfWork.get().onRollback(unitOfWork -> taken.forEach(waiting -> waiting.answer
                .completeExceptionally(unitOfWork.getExecutionResult().isExceptionResult()
                        ? unitOfWork.getExecutionResult().getExceptionResult()
                        : new IllegalStateException("The admission was rolled back"))));
    }
}
