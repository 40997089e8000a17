package org.skyfleet.server.grpc;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.MessageLite;
import io.grpc.MethodDescriptor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Responses serialized once and shared by every stream (grpc-java's pre-serialized marshaller
 * pattern). A response {@code {repeated Payload items = 1; uint64 skipped = 2}} is built from the
 * bytes of each item as field 1, made once per update, concatenated, plus, for a subscriber that
 * skipped updates, the few bytes of field 2: protobuf's wire format makes the concatenation the
 * same message.
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

    /**
     * One response from several field-1 encodings and a count: concatenated field-1 entries are the
     * repeated field, and {@code uint64 count = 2} follows if it is not 0.
     */
    static byte[] batch(List<byte[]> field1Entries, long count) {
        int size = count == 0 ? 0 : CodedOutputStream.computeUInt64Size(2, count);
        for (byte[] e : field1Entries) {
            size += e.length;
        }
        byte[] out = new byte[size];
        int at = 0;
        for (byte[] e : field1Entries) {
            System.arraycopy(e, 0, out, at, e.length);
            at += e.length;
        }
        if (count != 0) {
            CodedOutputStream cos = CodedOutputStream.newInstance(out, at, size - at);
            try {
                cos.writeUInt64(2, count);
                cos.checkNoSpaceLeft();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
