package io.polycell.command.routing;

import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellError;
import io.polycell.messages.error.PolycellException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.messaging.HandlerExecutionException;

/** Waits for a command's outcome and finds the coded refusal in a failure, however it was wrapped. */
public final class Outcomes {

    private Outcomes() {
    }

    /** The command's result, or the refusal it carried, rethrown as a {@link PolycellException}. */
    public static <R> R await(CompletableFuture<R> outcome) {
        try {
            return outcome.get(CommandRouter.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a command", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("No answer to a command within " + CommandRouter.TIMEOUT, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw refusal(cause).<RuntimeException>map(error -> new PolycellException(error.code(), error.message()))
                    .orElseGet(() -> cause instanceof RuntimeException runtime ? runtime
                            : new CompletionException(cause));
        }
    }

    /** The coded refusal inside {@code failure}, if it is one. */
    public static Optional<PolycellError> refusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PolycellException coded) {
                return Optional.of(coded.error());
            }
            if (t instanceof HandlerExecutionException handlerFailure) {
                Optional<Object> details = handlerFailure.getDetails();
                if (details.isPresent() && details.get() instanceof PolycellError error) {
                    return Optional.of(error);
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    /** Whether {@code failure} is a refusal with this code. */
    public static boolean isRefusal(Throwable failure, ErrorCode code) {
        return refusal(failure).map(error -> error.code() == code).orElse(false);
    }
}
