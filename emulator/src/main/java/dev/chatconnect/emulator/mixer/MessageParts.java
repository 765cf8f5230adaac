package dev.chatconnect.emulator.mixer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatconnect.emulator.Json;

import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds ChatMessage parts (text, emoticon, link, tag, image) and splits plain text into them as Mixer did. */
final class MessageParts {

    /** Built-in emoticons: code -> sprite position in the "default" pack (24x24 cells). */
    static final Map<String, int[]> BUILTIN_EMOTICONS = Map.of(
            "<3", new int[] {0, 0}, ":D", new int[] {24, 0}, ";)", new int[] {48, 0}, ":P", new int[] {72, 0},
            ":)", new int[] {96, 0}, ":O", new int[] {120, 0}, ":(", new int[] {144, 0}, ":|", new int[] {168, 0});
    private static final Map<String, String> EMOTICON_ALT = Map.of("<3", "❤", ":)", "🙂", ":(", "🙁");

    private static final Pattern TOKEN = Pattern.compile(
            "(?<link>https?://\\S+)|(?<tag>@[A-Za-z0-9_]{1,20})|(?<emote><3|:D|;\\)|:P|:\\)|:O|:\\(|:\\|)");

    private MessageParts() {
    }

    static ObjectNode text(String text) {
        ObjectNode part = Json.object();
        part.put("type", "text");
        part.put("data", text);
        part.put("text", text);
        return part;
    }

    /** The key order HypeBot's real frames use: {"data":..,"text":..,"type":"text"}. */
    static ObjectNode textDataFirst(String text) {
        ObjectNode part = Json.object();
        part.put("data", text);
        part.put("text", text);
        part.put("type", "text");
        return part;
    }

    static ObjectNode builtinEmoticon(String code, boolean withAlt) {
        int[] xy = BUILTIN_EMOTICONS.get(code);
        ObjectNode part = emoticon("builtin", "default", xy[0], xy[1], 24);
        if (withAlt && EMOTICON_ALT.containsKey(code)) {
            part.putObject("alt").put("en", EMOTICON_ALT.get(code));
        }
        part.put("text", code);
        return part;
    }

    static ObjectNode externalEmoticon(String code, String packUrl, int x, int y, int size) {
        ObjectNode part = emoticon("external", packUrl, x, y, size);
        part.put("text", code);
        return part;
    }

    private static ObjectNode emoticon(String source, String pack, int x, int y, int size) {
        ObjectNode part = Json.object();
        part.put("type", "emoticon");
        part.put("source", source);
        part.put("pack", pack);
        ObjectNode coords = part.putObject("coords");
        coords.put("x", x);
        coords.put("y", y);
        coords.put("width", size);
        coords.put("height", size);
        return part;
    }

    static ObjectNode link(String url, String text) {
        ObjectNode part = Json.object();
        part.put("type", "link");
        part.put("url", url);
        part.put("text", text);
        return part;
    }

    /** Real tag parts put "text" first: {"text":"@Covent","type":"tag","username":"Covent","id":392874}. */
    static ObjectNode tag(String username, long userId) {
        ObjectNode part = Json.object();
        part.put("text", "@" + username);
        part.put("type", "tag");
        part.put("username", username);
        part.put("id", userId);
        return part;
    }

    static ObjectNode image(String name, String url) {
        ObjectNode part = Json.object();
        part.put("type", "image");
        part.put("text", name);
        part.put("url", url);
        return part;
    }

    /**
     * Splits what a user typed into parts: links, @tags (resolved to user ids) and built-in emoticons; the rest
     * stays text. Tags of unknown users get an id derived from the name.
     */
    static ArrayNode parse(String typed, Function<String, Long> userIdByName) {
        ArrayNode parts = Json.array();
        Matcher m = TOKEN.matcher(typed);
        int textStart = 0;
        while (m.find()) {
            if (m.start() > textStart) {
                parts.add(text(typed.substring(textStart, m.start())));
            }
            if (m.group("link") != null) {
                parts.add(link(m.group("link"), m.group("link")));
            } else if (m.group("tag") != null) {
                String name = m.group("tag").substring(1);
                parts.add(tag(name, userIdByName.apply(name)));
            } else {
                parts.add(builtinEmoticon(m.group("emote"), false));
            }
            textStart = m.end();
        }
        if (textStart < typed.length() || parts.isEmpty()) {
            parts.add(text(typed.substring(textStart)));
        }
        return parts;
    }
}
