package dev.chatconnect.emulator.mixer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatconnect.emulator.Json;

import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Realistic ChatMessages for traffic: every part type, /me, whispers, CatBot-censored and skill messages, HypeBot
 * announcements without level and avatar, null avatars, unicode, and varying key order.
 */
final class RandomMessages {

    /** A generated message and who may see it. */
    record Generated(ObjectNode data, Audience audience) {
    }

    private static final List<String> PHRASES = List.of(
            "hello!", "LEFT 4 DEAD", "lol aqua is trash ", "GG", "that was insane", "こんにちは 🎉",
            "ça marche très bien", "no way!!!", "\"quoted\" and \\backslashed\\", "<b>not html</b>",
            "first time here, love the stream", "Ünïcödé ✓ ", "😂😂😂", "brb", "what game is this? ",
            "tab\tinside", "Want to play Jackbox? Click: ", " and be part of the stream!", "", " ");
    private static final List<String> LINKS = List.of(
            "https://mixer.com/mixer", "http://jackbox.tv/#LEFW", "https://example.com/some/path?query=1&x=y");
    private static final List<String> HYPEBOT_LINES = List.of(
            " is now hosting you!", " just followed!", " subscribed for 3 months!", " won the giveaway!");
    private static final List<String> BUILTIN_CODES = List.copyOf(MessageParts.BUILTIN_EMOTICONS.keySet().stream()
            .sorted().toList());

    private RandomMessages() {
    }

    static Generated next(Random random, long channelId, UUID id, ChatUsers users, MixerUser bot) {
        if (random.nextInt(100) < 6) {
            return new Generated(hypeBotAnnouncement(random, channelId, id, users.randomViewer(random)),
                    Audience.EVERYONE);
        }
        MixerUser author = users.randomViewer(random);
        ArrayNode parts = randomParts(random, users);
        ObjectNode meta = Json.object();
        String whisperTarget = null;
        Audience audience = Audience.EVERYONE;
        int flavour = random.nextInt(100);
        if (flavour < 6) {
            meta.put("me", true);
        } else if (flavour < 10) {
            // Whispers reach only their target; traffic whispers to the bot so a connector signed in as it sees them.
            meta.put("whisper", true);
            whisperTarget = bot.name();
            audience = Audience.username(bot.name());
        } else if (flavour < 13) {
            parts.add(MessageParts.text("( Removed by CatBot )"));
            meta.put("censored", true);
            audience = Audience.SIGNED_IN;
        } else if (flavour < 16) {
            ObjectNode skill = randomSkill(random);
            parts.add(MessageParts.image(skill.get("skill_name").asText(), skill.get("icon_url").asText()));
            meta.put("is_skill", true);
            meta.set("skill", skill);
        }
        ChatMessages.KeyOrder[] orders = ChatMessages.KeyOrder.values();
        ChatMessages.KeyOrder order = random.nextInt(10) < 6 ? ChatMessages.KeyOrder.DOCUMENTED
                : orders[random.nextInt(orders.length)];
        return new Generated(ChatMessages.build(channelId, id, author, parts, meta, whisperTarget, order), audience);
    }

    /** HypeBot's real frame: empty leading text part, a tag, then the announcement; no level, no avatar. */
    static ObjectNode hypeBotAnnouncement(Random random, long channelId, UUID id, MixerUser subject) {
        return hypeBotAnnouncement(channelId, id, subject, HYPEBOT_LINES.get(random.nextInt(HYPEBOT_LINES.size())));
    }

    static ObjectNode hypeBotAnnouncement(long channelId, UUID id, MixerUser subject, String line) {
        ArrayNode parts = Json.array();
        parts.add(MessageParts.textDataFirst(""));
        parts.add(MessageParts.tag(subject.name(), subject.id()));
        parts.add(MessageParts.textDataFirst(line));
        return ChatMessages.build(channelId, id, ChatUsers.HYPEBOT, parts, Json.object(), null,
                ChatMessages.KeyOrder.ROLES_BEFORE_ID);
    }

    static ArrayNode randomParts(Random random, ChatUsers users) {
        ArrayNode parts = Json.array();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(100);
            if (kind < 50 || i == 0 && kind < 70) {
                parts.add(MessageParts.text(PHRASES.get(random.nextInt(PHRASES.size()))));
            } else if (kind < 70) {
                String code = BUILTIN_CODES.get(random.nextInt(BUILTIN_CODES.size()));
                parts.add(MessageParts.builtinEmoticon(code, random.nextBoolean()));
            } else if (kind < 77) {
                int size = random.nextBoolean() ? 28 : 56;
                parts.add(MessageParts.externalEmoticon(":partner" + random.nextInt(50),
                        "https://uploads.mixer.com/emoticons/" + Long.toString(random.nextLong() >>> 16, 36) + ".png",
                        size * random.nextInt(4), size * random.nextInt(4), size));
            } else if (kind < 87) {
                String url = LINKS.get(random.nextInt(LINKS.size()));
                parts.add(MessageParts.link(url, url.replaceFirst("^https://", "")));
            } else if (kind < 96) {
                MixerUser tagged = users.randomViewer(random);
                parts.add(MessageParts.tag(tagged.name(), tagged.id()));
            } else {
                parts.add(MessageParts.image("sticker_" + random.nextInt(20),
                        "https://uploads.mixer.com/stickers/" + random.nextInt(1000) + ".png"));
            }
        }
        return parts;
    }

    static ObjectNode randomSkill(Random random) {
        String[] names = {"Sticker", "Confetti", "Air Horn", "Fireworks"};
        String name = names[random.nextInt(names.length)];
        return EventPayloads.skill(randomUuid(random), name, randomUuid(random),
                "https://mixer.com/_latest/assets/skills/" + name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-')
                        + ".png",
                100 * (1 + random.nextInt(50)), random.nextInt(4) == 0 ? "Embers" : "Sparks");
    }

    /** A version-4 UUID from the given Random, so seeded runs repeat. */
    static String randomUuid(Random random) {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb).toString();
    }
}
