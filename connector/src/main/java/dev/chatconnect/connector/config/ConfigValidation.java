package dev.chatconnect.connector.config;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;

/** Helpers for the connectors' cross-field checks in {@code validate()}. */
public final class ConfigValidation {
    private ConfigValidation() {
    }

    /** The validated values by name; cross-field checks add their errors to these. */
    public static Map<String, ConfigValue> byName(Config config) {
        Map<String, ConfigValue> byName = new HashMap<>();
        config.configValues().forEach(v -> byName.put(v.name(), v));
        return byName;
    }

    /** True when a single field already failed: cross-field checks would only add noise. */
    public static boolean anyFieldFailed(Map<String, ConfigValue> byName) {
        return byName.values().stream().anyMatch(v -> !v.errorMessages().isEmpty());
    }

    /** Reports on {@code upperKey} when the lower bound (e.g. an initial backoff) exceeds the upper one. */
    public static void requireAtMost(Map<String, Object> parsed, Map<String, ConfigValue> byName, String lowerKey, String upperKey) {
        long lower = ((Number) parsed.get(lowerKey)).longValue();
        long upper = ((Number) parsed.get(upperKey)).longValue();
        if (lower > upper) {
            byName.get(upperKey).addErrorMessage("must be at least " + lowerKey + " (" + lower + ")");
        }
    }
}
