package dev.chatconnect.connector.avro;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.chatconnect.connector.util.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * A schema registry for tests, in memory, speaking only the part of Apicurio Registry's v2 REST API that Apicurio's
 * {@code AvroConverter} 2.6.x calls when configured as in {@link #converterConfig} (auto-register on, Confluent wire
 * format, content ids, no headers). No real registry can run on our build machines (Apicurio's server and Confluent's
 * do not resolve), so this one is kept small and honest: it stores what it is given, validates Avro, numbers content
 * the way Apicurio does, and answers every other call with 404 and records it in {@link #unexpectedCalls()}, which
 * the tests assert empty. If a converter upgrade starts to make another call, the tests fail and say which one.
 *
 * <p>The calls, all under {@code /apis/registry/v2} (the client appends this base path to {@code apicurio.registry.url}):
 * <ol>
 *   <li>{@code POST /groups/{groupId}/artifacts?ifExists=RETURN_OR_UPDATE&canonical=false}, headers
 *       {@code X-Registry-ArtifactId} and {@code X-Registry-ArtifactType: AVRO}, body the raw Avro schema.
 *       <b>Serializer side</b> ({@code DefaultSchemaResolver.handleAutoCreateArtifact}): with
 *       {@code apicurio.registry.auto-register=true} the first record of each schema registers it, under the
 *       {@code TopicIdStrategy} artifact id {@code <topic>-value} in group {@code default}. The schema is registered
 *       dereferenced (default {@code apicurio.registry.dereference-schema=true}: nested records inline, no artifact
 *       references), so this is the only serializer call. The answer is the version's {@code ArtifactMetaData}
 *       ({@code groupId, id, version, type, globalId, contentId, state}); the converter writes its {@code contentId}
 *       ({@code apicurio.registry.use-id=contentId}) as the 4-byte id after magic byte 0
 *       ({@code apicurio.registry.as-confluent=true}, {@code apicurio.registry.headers.enabled=false}) and caches it,
 *       so each converter instance makes this call once per distinct schema.
 *       {@code RETURN_OR_UPDATE} as Apicurio v2 does it: a version with the same content is returned, other content
 *       becomes a new version; identical content anywhere shares one content id.</li>
 *   <li>{@code GET /ids/contentIds/{contentId}}: the raw schema. <b>Deserializer side</b>
 *       ({@code DefaultSchemaResolver.resolveSchemaByContentId}, used by the sink's converter when it reads a record),
 *       and what a Confluent-format consumer does with the id it finds in a record.</li>
 *   <li>{@code GET /ids/contentIds/{contentId}/references}: the schema's artifact references, asked right after
 *       the content on the deserializer side; always {@code []} here, because schemas are registered dereferenced.</li>
 * </ol>
 * That is enough because with {@code use-id=contentId} the deserializer resolves ids by content id only (never
 * global ids, coordinates or content hashes), {@code find-latest} is off, and no rules, search or admin endpoints are
 * part of either path (both paths read in Apicurio's 2.6.13 sources: {@code DefaultSchemaResolver},
 * {@code RegistryClientImpl}, {@code Legacy4ByteIdHandler}).
 */
final class InTestSchemaRegistry implements AutoCloseable {
    private static final String BASE = "/apis/registry/v2";
    private static final Pattern CREATE = Pattern.compile(BASE + "/groups/([^/]+)/artifacts");
    private static final Pattern CONTENT = Pattern.compile(BASE + "/ids/contentIds/(\\d+)");
    private static final Pattern REFERENCES = Pattern.compile(BASE + "/ids/contentIds/(\\d+)/references");

    /** The calls of the list above, as {@link #callShapes()} writes them. */
    static final Set<String> DOCUMENTED_CALLS = Set.of(
            "POST " + BASE + "/groups/default/artifacts?canonical=false&ifExists=RETURN_OR_UPDATE",
            "GET " + BASE + "/ids/contentIds/{id}",
            "GET " + BASE + "/ids/contentIds/{id}/references");

    /** One version of one artifact. */
    record Version(String groupId, String artifactId, int version, long globalId, long contentId, String type) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    // all guarded by this
    private final Map<Long, String> contentById = new HashMap<>();
    private final Map<String, Long> idByContent = new HashMap<>();
    private final Map<String, List<Version>> artifacts = new LinkedHashMap<>();
    private final List<String> calls = new ArrayList<>();
    private final List<String> unexpected = new ArrayList<>();
    private long nextGlobalId = 1;
    private long nextContentId = 1;

    InTestSchemaRegistry() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The value of {@code apicurio.registry.url}. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * The settings of Apicurio's AvroConverter for the Confluent wire format against this registry, with
     * {@code prefix} in front of every key ({@code "value.converter."} in a connector config, {@code ""} for a
     * converter configured directly).
     */
    Map<String, String> converterConfig(String prefix) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put(prefix + "apicurio.registry.url", url());
        config.put(prefix + "apicurio.registry.auto-register", "true");
        config.put(prefix + "apicurio.registry.as-confluent", "true");
        config.put(prefix + "apicurio.registry.use-id", "contentId");
        config.put(prefix + "apicurio.registry.headers.enabled", "false");
        return config;
    }

    synchronized String content(long contentId) {
        return contentById.get(contentId);
    }

    synchronized List<Version> versions(String groupId, String artifactId) {
        return List.copyOf(artifacts.getOrDefault(groupId + "/" + artifactId, List.of()));
    }

    /** Every call, as {@code METHOD path?query}, in arrival order. */
    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    /** The distinct calls made so far, ids replaced by {@code {id}} and query parameters sorted. */
    synchronized Set<String> callShapes() {
        Set<String> shapes = new TreeSet<>();
        for (String call : calls) {
            int q = call.indexOf('?');
            String path = (q < 0 ? call : call.substring(0, q)).replaceAll("/\\d+(?=/|$)", "/{id}");
            String query = q < 0 ? "" : "?" + Stream.of(call.substring(q + 1).split("&")).sorted().collect(Collectors.joining("&"));
            shapes.add(path + query);
        }
        return shapes;
    }

    /** Calls outside the documented API (answered 404/405/400). */
    synchronized List<String> unexpectedCalls() {
        return List.copyOf(unexpected);
    }

    /** What a producer's Apicurio serializer does for a new schema; returns the version (its contentId is the wire id). */
    synchronized Version register(String groupId, String artifactId, String schema) {
        String key = groupId + "/" + artifactId;
        List<Version> versions = artifacts.computeIfAbsent(key, k -> new ArrayList<>());
        for (Version existing : versions) {
            if (contentById.get(existing.contentId()).equals(schema)) {
                return existing; // RETURN
            }
        }
        long contentId = idByContent.computeIfAbsent(schema, s -> {
            long id = nextContentId++;
            contentById.put(id, s);
            return id;
        });
        Version created = new Version(groupId, artifactId, versions.size() + 1, nextGlobalId++, contentId, "AVRO");
        versions.add(created); // create, or UPDATE: a new version
        return created;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            String call = method + " " + path + (query == null ? "" : "?" + query);
            synchronized (this) {
                calls.add(call);
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Matcher create = CREATE.matcher(path);
            Matcher content = CONTENT.matcher(path);
            Matcher references = REFERENCES.matcher(path);
            if (create.matches() && method.equals("POST")) {
                createArtifact(exchange, call, decode(create.group(1)), query(query), body);
            } else if (content.matches() && method.equals("GET")) {
                String schema = content(Long.parseLong(content.group(1)));
                if (schema == null) {
                    error(exchange, 404, "No content with id " + content.group(1), null);
                } else {
                    send(exchange, 200, "application/json", schema);
                }
            } else if (references.matches() && method.equals("GET")) {
                if (content(Long.parseLong(references.group(1))) == null) {
                    error(exchange, 404, "No content with id " + references.group(1), null);
                } else {
                    send(exchange, 200, "application/json", "[]");
                }
            } else {
                error(exchange, 404, "not implemented by the in-test registry", call);
            }
        } catch (RuntimeException e) {
            synchronized (this) {
                unexpected.add("failure: " + e);
            }
            throw e;
        } finally {
            exchange.close();
        }
    }

    private void createArtifact(HttpExchange exchange, String call, String groupId, Map<String, String> query, byte[] body)
            throws IOException {
        String artifactId = exchange.getRequestHeaders().getFirst("X-Registry-ArtifactId");
        String type = exchange.getRequestHeaders().getFirst("X-Registry-ArtifactType");
        if (!"RETURN_OR_UPDATE".equals(query.get("ifExists"))) {
            error(exchange, 400, "only ifExists=RETURN_OR_UPDATE is implemented", call);
            return;
        }
        if (artifactId == null || !"AVRO".equals(type)) {
            error(exchange, 400, "expected X-Registry-ArtifactId and X-Registry-ArtifactType: AVRO", call);
            return;
        }
        String schema = new String(body, StandardCharsets.UTF_8);
        try {
            new Schema.Parser().parse(schema);
        } catch (SchemaParseException e) {
            error(exchange, 400, "Syntax violation for Avro artifact: " + e.getMessage(), call);
            return;
        }
        Version version = register(groupId, artifactId, schema);
        ObjectNode meta = Json.MAPPER.createObjectNode()
                .put("groupId", version.groupId())
                .put("id", version.artifactId())
                .put("version", Integer.toString(version.version()))
                .put("type", version.type())
                .put("globalId", version.globalId())
                .put("contentId", version.contentId())
                .put("state", "ENABLED");
        send(exchange, 200, "application/json", meta.toString());
    }

    private void error(HttpExchange exchange, int status, String message, String unexpectedCall) throws IOException {
        if (unexpectedCall != null) {
            synchronized (this) {
                unexpected.add(unexpectedCall + " -> " + status + " " + message);
            }
        }
        ObjectNode error = Json.MAPPER.createObjectNode().put("error_code", status).put("message", message);
        send(exchange, status, "application/json", error.toString());
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> params = new HashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                params.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return params;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
