package org.skyfleet.server.automation;

import io.grpc.Status;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.skyfleet.fleet.audit.AuditJournal;

/**
 * The one thread the automation's state lives on. A step that fails is written to the audit journal and
 * does not stop the steps after it; callers from other threads (gRPC) wait for their answer with a bound.
 */
final class AutomationThread {
    private static final long ANSWER_TIMEOUT_S = 30;

    private final ScheduledExecutorService executor;
    private final AuditJournal audit;

    AutomationThread(ScheduledExecutorService executor, AuditJournal audit) {
        this.executor = executor;
        this.audit = audit;
    }

    /** Runs {@code step} on the automation thread, later. */
    void execute(Runnable step) {
        executor.execute(() -> guarded(step));
    }

    void every(long periodS, Runnable step) {
        executor.scheduleWithFixedDelay(() -> guarded(step), periodS, periodS, TimeUnit.SECONDS);
    }

    /** Runs {@code work} on the automation thread and returns its answer; its exceptions reach the caller. */
    <T> T call(Callable<T> work) {
        try {
            return executor.submit(work).get(ANSWER_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Status.CANCELLED.withDescription("interrupted").asRuntimeException();
        } catch (TimeoutException e) {
            throw Status.UNAVAILABLE.withDescription("the automation is busy; try again").asRuntimeException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw Status.INTERNAL.withDescription(String.valueOf(e.getCause())).asRuntimeException();
        }
    }

    private void guarded(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            audit.append("automation", "automation error", "", String.valueOf(e), "ERROR");
        }
    }
}
