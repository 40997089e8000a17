package org.skyfleet.server.grpc;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.MessageLite;
import io.grpc.MethodDescriptor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Responses serialized once and shared by every stream (grpc-java's pre-serialized marshaller
 * pattern). A response {@code {payload = 1; uint64 skipped = 2}} is built as the bytes of field 1,
 * made once per update, plus, for a subscriber that skipped updates, the few bytes of field 2
 * appended: protobuf's wire format makes the concatenation the same message.
 */
final class PreSerialized {
    /** Passes byte arrays through unchanged; only the server's response side uses it. */
    static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    private PreSerialized() {
    }

    /** The bytes of {@code message} as field 1 of an enclosing message. */
    static byte[] asField1(MessageLite message) {
        byte[] out = new byte[CodedOutputStream.computeMessageSize(1, message)];
        CodedOutputStream cos = CodedOutputStream.newInstance(out);
        try {
            cos.writeMessage(1, message);
            cos.checkNoSpaceLeft();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** {@code prefix} with {@code uint64 count = 2} appended, or {@code prefix} itself if count is 0. */
    static byte[] withCount2(byte[] prefix, long count) {
        if (count == 0) {
            return prefix;
        }
        int extra = CodedOutputStream.computeUInt64Size(2, count);
        byte[] out = Arrays.copyOf(prefix, prefix.length + extra);
        CodedOutputStream cos = CodedOutputStream.newInstance(out, prefix.length, extra);
        try {
            cos.writeUInt64(2, count);
            cos.checkNoSpaceLeft();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
