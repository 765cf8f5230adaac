package dev.chatconnect.connector.config;

import java.util.regex.Pattern;

/** A topic name with optional {@code ${platform}} and {@code ${channel}} placeholders. */
public final class TopicTemplate {
    private static final Pattern UNSAFE = Pattern.compile("[^a-zA-Z0-9._-]");
    private final String template;
    private final boolean perChannel;

    private TopicTemplate(String template) {
        this.template = template;
        this.perChannel = template.contains("${channel}");
    }

    public static TopicTemplate of(String template) {
        return new TopicTemplate(template);
    }

    /** The topic for a channel; characters Kafka does not allow in topic names (osu! '#') become '_'. */
    public String resolve(String platform, String channel) {
        String topic = template.replace("${platform}", platform);
        return perChannel ? topic.replace("${channel}", UNSAFE.matcher(channel).replaceAll("_")) : topic;
    }
}
