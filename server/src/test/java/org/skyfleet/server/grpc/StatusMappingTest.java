package org.skyfleet.server.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.skyfleet.fleet.control.LeaseConflictException;
import org.skyfleet.planner.PlanningException;
import org.skyfleet.planner.validation.Violation;

/** The one exception-to-status table, row by row, and the unary and stream answers built on it. */
class StatusMappingTest {

    static List<Arguments> table() {
        return List.of(
                Arguments.of(new NoSuchElementException("unknown mission 'm-1'"), Status.Code.NOT_FOUND, "unknown mission 'm-1'"),
                Arguments.of(new IllegalArgumentException("ttl_s must be 1..600"), Status.Code.INVALID_ARGUMENT, "ttl_s must be 1..600"),
                Arguments.of(new IllegalStateException("mission m-1 is DRAFT and cannot become FLYING"),
                        Status.Code.FAILED_PRECONDITION, "is DRAFT"),
                Arguments.of(new LeaseConflictException("vehicle mav-1-1 is controlled by alice (pilot)", null),
                        Status.Code.FAILED_PRECONDITION, "controlled by alice"),
                Arguments.of(Status.PERMISSION_DENIED.withDescription("officers may not").asRuntimeException(),
                        Status.Code.PERMISSION_DENIED, "officers may not"),
                Arguments.of(Status.ALREADY_EXISTS.withDescription("zone 'z' already exists").asException(),
                        Status.Code.ALREADY_EXISTS, "zone 'z'"),
                Arguments.of(PlanningException.invalid("area is empty"), Status.Code.INVALID_ARGUMENT, "area is empty"),
                Arguments.of(new PlanningException(PlanningException.Kind.FAILED_PRECONDITION, "no route",
                        List.of(Violation.error("exclusion-zone", 3, "crosses the prison"))),
                        Status.Code.FAILED_PRECONDITION, "exclusion-zone at waypoint 3: crosses the prison"),
                Arguments.of(PlanningException.exhausted("over 10000 sweeps"), Status.Code.RESOURCE_EXHAUSTED, "10000"),
                Arguments.of(new CompletionException(new NoSuchElementException("unknown vehicle 'v'")),
                        Status.Code.NOT_FOUND, "unknown vehicle 'v'"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("table")
    void eachDomainRefusalHasItsStatusAndKeepsItsMessage(Throwable thrown, Status.Code code, String message) {
        StatusRuntimeException s = StatusMapping.toStatus(thrown);
        assertThat(s.getStatus().getCode()).isEqualTo(code);
        assertThat(s.getStatus().getDescription()).contains(message);
    }

    @Test
    void aBugIsInternalNeverTheClientsMistake() {
        StatusRuntimeException s = StatusMapping.toStatus(new NullPointerException("route is null"));
        assertThat(s.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
        assertThat(s.getStatus().getCause()).isInstanceOf(NullPointerException.class);
        assertThat(StatusMapping.toStatus(new IndexOutOfBoundsException("0")).getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
    }

    @Test
    void aStatusPassesThroughUnchanged() {
        StatusRuntimeException given = Status.UNAVAILABLE.withDescription("records moving").asRuntimeException();
        assertThat(StatusMapping.toStatus(given)).isSameAs(given);
    }

    @Test
    void answerLaterMapsAFailedStageAndAThrowBeforeIt() {
        Recorder<String> failed = new Recorder<>();
        StatusMapping.answerLater(failed, () -> CompletableFuture.failedFuture(new IllegalStateException("mission is PAUSED")));
        assertThat(failed.error.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);

        Recorder<String> thrown = new Recorder<>();
        StatusMapping.answerLater(thrown, () -> {
            throw new NoSuchElementException("unknown mission 'm-9'");
        });
        assertThat(thrown.error.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);

        Recorder<String> ok = new Recorder<>();
        StatusMapping.answerLater(ok, () -> CompletableFuture.completedFuture("done"));
        assertThat(ok.values).containsExactly("done");
        assertThat(ok.completed).isTrue();
    }

    @Test
    void admitRefusesAStreamWhoseChecksFailAndOpensOneWhoseChecksPass() {
        Recorder<String> refused = new Recorder<>();
        assertThat(StatusMapping.admit(refused, () -> {
            throw new IllegalArgumentException("unit_id is required");
        })).isFalse();
        assertThat(refused.error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);

        Recorder<String> admitted = new Recorder<>();
        assertThat(StatusMapping.admit(admitted, () -> { })).isTrue();
        assertThat(admitted.error).isNull();
    }

    private static final class Recorder<T> implements StreamObserver<T> {
        final List<T> values = new ArrayList<>();
        StatusRuntimeException error;
        boolean completed;

        @Override
        public void onNext(T value) {
            values.add(value);
        }

        @Override
        public void onError(Throwable t) {
            error = (StatusRuntimeException) t;
        }

        @Override
        public void onCompleted() {
            completed = true;
        }
    }
}
