package org.skyfleet.mavsdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The gateway runs on MAVSDK-Java's runtime and nothing else: one protobuf (javalite, what MAVSDK's generated code
 * needs) and one grpc version, never the server's full protobuf 4 or grpc 1.85 beside them. Read from this test's
 * class path, which holds the module's runtime class path and more.
 */
class GatewayClasspathTest {
    private static final Pattern JAR = Pattern.compile("(.+)-(\\d+\\.\\d+(?:\\.\\d+)?(?:[.-][A-Za-z0-9]+)?)\\.jar");

    private static List<String[]> jars() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(e -> Path.of(e).getFileName().toString())
                .map(JAR::matcher).filter(Matcher::matches)
                .map(m -> new String[] {m.group(1), m.group(2)}).toList();
    }

    @Test
    void oneProtobufRuntimeTheLiteOneMavsdkWasGeneratedFor() {
        List<String> protobufs = jars().stream().filter(j -> j[0].startsWith("protobuf-")).map(j -> j[0] + "-" + j[1]).toList();
        assertThat(protobufs).containsExactly("protobuf-javalite-3.17.2");
        assertThatThrownBy(() -> Class.forName("com.google.protobuf.GeneratedMessageV3"))
                .as("the full protobuf runtime is not on the class path").isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void oneGrpcVersionMavsdksOwn() {
        Set<String> grpcVersions = jars().stream().filter(j -> j[0].startsWith("grpc-")).map(j -> j[1]).collect(Collectors.toSet());
        assertThat(grpcVersions).containsExactly("1.42.1");
        assertThat(jars()).anySatisfy(j -> assertThat(j[0]).isEqualTo("mavsdk"));
    }
}
