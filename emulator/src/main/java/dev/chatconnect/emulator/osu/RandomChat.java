package dev.chatconnect.emulator.osu;

import java.util.Random;

/** Realistic osu! chat lines for traffic: plain talk, /me actions, user commands, unicode, numbers-only text. */
final class RandomChat {

    record Line(String content, boolean action) {
    }

    private static final String[] PLAIN = {
        "anyone up for a multi?", "that jump section was brutal", "gg", "what's the bpm on this one",
        "new ranked map is insane", "HDDT or nothing", "I keep breaking on the last slider", "o/",
        "how do you even read that pattern", "fc'd it finally!!", "lazer feels so smooth now", "123",
        "is the tournament on stream today?", "mods pls", "can someone link the beatmap", "1 miss on the last note...",
        "ranked at #4 in the country :)", "who else is farming pp today", "stream practice time",
        "https://osu.ppy.sh/beatmapsets/39804#osu/129891", "[https://osu.ppy.sh/b/75 Disco Prince]",
    };
    private static final String[] ACTIONS = {
        "is listening to [https://osu.ppy.sh/b/75 Kenji Ninuma - DISCO★PRINCE]", "is playing osu!mania",
        "waves", "is editing a beatmap", "is watching a replay",
    };
    private static final String[] UNICODE = {
        "これは難しい 😅", "спасибо за игру", "Ça marche très bien", "잘했어요!", "🎵🎶 nice song", "¯\\_(ツ)_/¯",
    };
    private static final String[] COMMANDS = {"!roll", "!help", "!faq pp", "!mp settings", "!where peppy"};

    private RandomChat() {
    }

    static Line next(Random r) {
        int roll = r.nextInt(100);
        if (roll < 70) {
            return new Line(PLAIN[r.nextInt(PLAIN.length)], false);
        }
        if (roll < 82) {
            return new Line(ACTIONS[r.nextInt(ACTIONS.length)], true);
        }
        if (roll < 94) {
            return new Line(UNICODE[r.nextInt(UNICODE.length)], false);
        }
        return new Line(COMMANDS[r.nextInt(COMMANDS.length)], false);
    }
}
