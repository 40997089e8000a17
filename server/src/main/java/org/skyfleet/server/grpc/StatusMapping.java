package org.skyfleet.server.grpc;

import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.skyfleet.fleet.control.LeaseConflictException;
import org.skyfleet.fleet.geofence.InvalidZoneException;
import org.skyfleet.planner.PlanningException;
import org.skyfleet.planner.validation.Violation;

/**
 * The one map from what the domain refuses to the gRPC status a client sees, used by every service, for
 * unary calls ({@link #answer}, {@link #answerLater}) and streams ({@link #refuse}). The domain's own
 * message goes with the status: it names what is wrong and what to do.
 *
 * <table>
 *   <caption>Exception to status</caption>
 *   <tr><th>thrown</th><th>status</th></tr>
 *   <tr><td>{@link StatusRuntimeException}, {@link StatusException}</td><td>passes through</td></tr>
 *   <tr><td>{@link NoSuchElementException} (unknown id)</td><td>NOT_FOUND</td></tr>
 *   <tr><td>{@link IllegalArgumentException}, {@link InvalidZoneException} (bad value)</td><td>INVALID_ARGUMENT</td></tr>
 *   <tr><td>{@link IllegalStateException} (wrong state)</td><td>FAILED_PRECONDITION</td></tr>
 *   <tr><td>{@link LeaseConflictException} (someone else holds the lease, or nobody)</td><td>FAILED_PRECONDITION</td></tr>
 *   <tr><td>{@link PlanningException}</td><td>its kind: INVALID_ARGUMENT, FAILED_PRECONDITION or
 *       RESOURCE_EXHAUSTED, with every violation</td></tr>
 *   <tr><td>anything else (a bug: NullPointerException, IndexOutOfBoundsException...)</td><td>INTERNAL, the
 *       cause logged; required fields are checked explicitly, so a bug never reads as the client's mistake</td></tr>
 * </table>
 * A {@link CompletionException} or {@link ExecutionException} is unwrapped first.
 *
 * <p>A lease conflict is FAILED_PRECONDITION, not PERMISSION_DENIED: the caller's role may act, the
 * vehicle's state (who holds its lease) does not allow it now. PERMISSION_DENIED is for roles
 * ({@link Permissions}, {@link RoleInterceptor}).
 */
public final class StatusMapping {
    private static final Logger LOG = Logger.getLogger(StatusMapping.class.getName());

    private StatusMapping() {
    }

    /** The status for {@code thrown}, by the table above. */
    public static StatusRuntimeException toStatus(Throwable thrown) {
        Throwable t = unwrap(thrown);
        if (t instanceof StatusRuntimeException s) {
            return s;
        }
        if (t instanceof StatusException s) {
            return s.getStatus().asRuntimeException(s.getTrailers());
        }
        if (t instanceof PlanningException p) {
            return planning(p);
        }
        if (t instanceof NoSuchElementException) {
            return with(Status.NOT_FOUND, t);
        }
        if (t instanceof LeaseConflictException || t instanceof IllegalStateException) {
            return with(Status.FAILED_PRECONDITION, t);
        }
        if (t instanceof IllegalArgumentException || t instanceof InvalidZoneException) {
            return with(Status.INVALID_ARGUMENT, t);
        }
        LOG.log(Level.SEVERE, "a call failed on a server error", t);
        return Status.INTERNAL.withDescription("server error (" + t.getClass().getSimpleName()
                + "); it is in the server log").withCause(t).asRuntimeException();
    }

    /** Answers a unary call with what {@code work} returns, or with the status of what it throws. */
    public static <T> void answer(StreamObserver<T> observer, Supplier<T> work) {
        T result;
        try {
            result = work.get();
        } catch (RuntimeException e) {
            observer.onError(toStatus(e));
            return;
        }
        observer.onNext(result);
        observer.onCompleted();
    }

    /**
     * Answers a unary call when the stage {@code work} returns completes: with its value, or with the
     * status of what it (or {@code work} itself, before returning) threw.
     */
    public static <T> void answerLater(StreamObserver<T> observer, Supplier<? extends CompletionStage<T>> work) {
        CompletionStage<T> stage;
        try {
            stage = work.get();
        } catch (RuntimeException e) {
            observer.onError(toStatus(e));
            return;
        }
        stage.whenComplete((result, e) -> {
            if (e != null) {
                observer.onError(toStatus(e));
            } else {
                observer.onNext(result);
                observer.onCompleted();
            }
        });
    }

    /**
     * For a stream's checks before it opens: runs {@code checks}; if they throw, ends the call with the
     * mapped status and returns false.
     */
    public static boolean admit(StreamObserver<?> observer, Runnable checks) {
        try {
            checks.run();
            return true;
        } catch (RuntimeException e) {
            refuse(observer, e);
            return false;
        }
    }

    /** Ends a call (unary or stream) with the status of {@code thrown}. */
    public static void refuse(StreamObserver<?> observer, Throwable thrown) {
        observer.onError(toStatus(thrown));
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static StatusRuntimeException with(Status status, Throwable t) {
        return status.withDescription(t.getMessage()).asRuntimeException();
    }

    private static StatusRuntimeException planning(PlanningException p) {
        Status base = switch (p.kind()) {
            case INVALID_ARGUMENT -> Status.INVALID_ARGUMENT;
            case FAILED_PRECONDITION -> Status.FAILED_PRECONDITION;
            case RESOURCE_EXHAUSTED -> Status.RESOURCE_EXHAUSTED;
        };
        StringBuilder message = new StringBuilder(p.getMessage());
        for (Violation v : p.violations()) {
            message.append("; ").append(v.rule()).append(v.itemIndex() >= 0 ? " at waypoint " + v.itemIndex() : "")
                    .append(": ").append(v.message());
        }
        return base.withDescription(message.toString()).asRuntimeException();
    }
}
