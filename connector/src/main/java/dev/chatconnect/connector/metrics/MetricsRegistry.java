package dev.chatconnect.connector.metrics;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Registers a task's MBeans under {@code dev.chatconnect} and removes them all when the task stops. */
public final class MetricsRegistry implements AutoCloseable {
    public static final String DOMAIN = "dev.chatconnect";
    private static final Logger log = LoggerFactory.getLogger(MetricsRegistry.class);
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final String connector;
    private final int task;
    private final List<ObjectName> registered = new ArrayList<>();

    public MetricsRegistry(String connector, int task) {
        this.connector = connector;
        this.task = task;
    }

    public SourceChannelMetrics sourceChannel(String platform, String channel) {
        SourceChannelMetrics metrics = new SourceChannelMetrics();
        register("source-channel", platform, channel, metrics);
        return metrics;
    }

    /** Metrics of a platform account; its MBean name has {@code channel=account}. */
    public SourceAccountMetrics sourceAccount(String platform) {
        SourceAccountMetrics metrics = new SourceAccountMetrics();
        register("source-account", platform, "account", metrics);
        return metrics;
    }

    public SinkDestinationMetrics sinkDestination(String platform, String destination) {
        SinkDestinationMetrics metrics = new SinkDestinationMetrics();
        register("sink-destination", platform, destination, metrics);
        return metrics;
    }

    /** Account metrics of a sink task; same attributes as the source's, under {@code type=sink-account}. */
    public SourceAccountMetrics sinkAccount(String platform) {
        SourceAccountMetrics metrics = new SourceAccountMetrics();
        register("sink-account", platform, "account", metrics);
        return metrics;
    }

    public static ObjectName name(String type, String connector, int task, String platform, String channel) throws JMException {
        return new ObjectName(DOMAIN + ":type=" + type + ",connector=" + quoteIfNeeded(connector) + ",task=" + task
                + ",platform=" + quoteIfNeeded(platform) + ",channel=" + quoteIfNeeded(channel));
    }

    private synchronized void register(String type, String platform, String channel, Object mbean) {
        try {
            ObjectName name = name(type, connector, task, platform, channel);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(mbean, name);
            registered.add(name);
        } catch (JMException e) {
            log.warn("Could not register metrics for {}:{}: {}", platform, channel, e.toString());
        }
    }

    @Override
    public synchronized void close() {
        for (ObjectName name : registered) {
            try {
                server.unregisterMBean(name);
            } catch (JMException ignored) {
                // already gone
            }
        }
        registered.clear();
    }

    private static String quoteIfNeeded(String value) {
        return value.matches("[A-Za-z0-9._#@-]+") ? value : ObjectName.quote(value);
    }
}
