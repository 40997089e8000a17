package org.skyfleet.server.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * Answers a unary call from domain code: what the domain refuses becomes the precise status, with the
 * domain's message (unknown id: NOT_FOUND; bad value: INVALID_ARGUMENT; wrong state: FAILED_PRECONDITION).
 */
public final class Answers {
    private Answers() {
    }

    public static <T> void answer(StreamObserver<T> observer, Supplier<T> work) {
        T result;
        try {
            result = work.get();
        } catch (StatusRuntimeException e) {
            observer.onError(e);
            return;
        } catch (NoSuchElementException e) {
            observer.onError(Status.NOT_FOUND.withDescription(e.getMessage()).asRuntimeException());
            return;
        } catch (IllegalArgumentException e) {
            observer.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
            return;
        } catch (IllegalStateException e) {
            observer.onError(Status.FAILED_PRECONDITION.withDescription(e.getMessage()).asRuntimeException());
            return;
        }
        observer.onNext(result);
        observer.onCompleted();
    }
}
