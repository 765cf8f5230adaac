package dev.chatconnect.bench;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The clients the benchmark can measure, by command-line name. A variant is a candidate plus the system properties its
 * probe JVM is started with (java.net.http reads its buffer sizes from system properties, once per JVM).
 */
enum ClientVariant {

    /** java.net.http with its default 16 KiB buffers. */
    JDK("jdk", JdkHttpClientCandidate::new),

    /**
     * java.net.http with its three per-socket buffers shrunk to 2 KiB: the WebSocket write buffer, the text-encoding
     * buffer, and the read buffer (jdk.httpclient.bufsize, which also applies to plain HTTP on that JVM).
     */
    JDK_SMALL_BUFFERS("jdk-small-buffers", JdkHttpClientCandidate::new,
            "-Djdk.httpclient.websocket.writeBufferSize=2048",
            "-Djdk.httpclient.websocket.intermediateBufferSize=2048",
            "-Djdk.httpclient.bufsize=2048"),

    /** OkHttp 5 with the dispatcher limits lifted (one thread per open socket). */
    OKHTTP("okhttp", OkHttpCandidate::new);

    private final String cliName;
    private final Supplier<WebSocketCandidate> factory;
    private final List<String> systemProperties;

    ClientVariant(String cliName, Supplier<WebSocketCandidate> factory, String... systemProperties) {
        this.cliName = cliName;
        this.factory = factory;
        this.systemProperties = List.of(systemProperties);
    }

    String cliName() {
        return cliName;
    }

    List<String> systemProperties() {
        return systemProperties;
    }

    WebSocketCandidate newCandidate() {
        return factory.get();
    }

    static ClientVariant byName(String name) {
        return Arrays.stream(values())
                .filter(variant -> variant.cliName.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown client '" + name + "'; use one of "
                        + Arrays.stream(values()).map(ClientVariant::cliName).collect(Collectors.joining(", "))));
    }
}
