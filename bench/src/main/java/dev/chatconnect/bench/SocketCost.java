package dev.chatconnect.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one client paid for {@code sockets} open sockets, measured in a fresh JVM. Baselines are taken before the client
 * object is created, so deltas include the client's fixed cost (its own threads, pools, first-use class init).
 */
record SocketCost(
        String client,
        int sockets,
        int failedSockets,
        long openMillis,
        int threadsBefore,
        int threadsOpen,
        int peakThreads,
        long heapBefore,
        long heapOpen,
        long rssBefore,
        long rssOpen,
        int threadsAfterClose,
        int threadsAfterShutdown) {

    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\":(\"[^\"]*\"|-?[0-9.]+)");

    int threadDelta() {
        return threadsOpen - threadsBefore;
    }

    long heapDelta() {
        return heapOpen - heapBefore;
    }

    long rssDelta() {
        return rssOpen - rssBefore;
    }

    double threadsPerSocket() {
        return (double) threadDelta() / sockets;
    }

    double heapKbPerSocket() {
        return heapDelta() / 1024.0 / sockets;
    }

    double rssKbPerSocket() {
        return rssDelta() / 1024.0 / sockets;
    }

    String toJson() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("client", client);
        fields.put("sockets", sockets);
        fields.put("failedSockets", failedSockets);
        fields.put("openMillis", openMillis);
        fields.put("threadsBefore", threadsBefore);
        fields.put("threadsOpen", threadsOpen);
        fields.put("peakThreads", peakThreads);
        fields.put("heapBefore", heapBefore);
        fields.put("heapOpen", heapOpen);
        fields.put("rssBefore", rssBefore);
        fields.put("rssOpen", rssOpen);
        fields.put("threadsAfterClose", threadsAfterClose);
        fields.put("threadsAfterShutdown", threadsAfterShutdown);
        fields.put("threadDelta", threadDelta());
        fields.put("threadsPerSocket", round(threadsPerSocket()));
        fields.put("heapDeltaBytes", heapDelta());
        fields.put("heapKbPerSocket", round(heapKbPerSocket()));
        fields.put("rssDeltaBytes", rssDelta());
        fields.put("rssKbPerSocket", round(rssKbPerSocket()));
        StringJoiner json = new StringJoiner(",", "{", "}");
        fields.forEach((name, value) -> json.add('"' + name + "\":" + (value instanceof String ? '"' + (String) value + '"' : value)));
        return json.toString();
    }

    /** Reads back a line written by {@link #toJson()} (flat object, no escapes needed). */
    static SocketCost fromJson(String json) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher matcher = FIELD.matcher(json);
        while (matcher.find()) {
            fields.put(matcher.group(1), matcher.group(2).replace("\"", ""));
        }
        return new SocketCost(
                fields.get("client"),
                Integer.parseInt(fields.get("sockets")),
                Integer.parseInt(fields.get("failedSockets")),
                Long.parseLong(fields.get("openMillis")),
                Integer.parseInt(fields.get("threadsBefore")),
                Integer.parseInt(fields.get("threadsOpen")),
                Integer.parseInt(fields.get("peakThreads")),
                Long.parseLong(fields.get("heapBefore")),
                Long.parseLong(fields.get("heapOpen")),
                Long.parseLong(fields.get("rssBefore")),
                Long.parseLong(fields.get("rssOpen")),
                Integer.parseInt(fields.get("threadsAfterClose")),
                Integer.parseInt(fields.get("threadsAfterShutdown")));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
