package org.skyfleet.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts the precise status and message a gRPC call fails with. */
public final class GrpcAssert {
    private GrpcAssert() {
    }

    public static void assertStatus(ThrowingCallable call, Status.Code code, String says) {
        assertThatThrownBy(call).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).as(e.getStatus().toString()).isEqualTo(code);
            assertThat(e.getStatus().getDescription()).isNotBlank().contains(says);
        });
    }
}
