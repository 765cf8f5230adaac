package dev.chatconnect.emulator.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatconnect.emulator.Json;

import java.util.Locale;

/**
 * One-line commands for a person or a script on stdin ({@code echo drop | java -jar chat-emulator.jar}). Each line
 * gives one line back: {@code OK {json}} or {@code ERROR message}.
 */
public final class AdminCommands {

    public static final String HELP = String.join(System.lineSeparator(),
            "Mixer:",
            "  drop [CHANNEL]                 close every chat socket (or one channel's) without a close frame",
            "  endpoint-down N | endpoint-up N   0-based chat endpoint answers upgrades with 503 / again normally",
            "  reject-auth CHANNEL [ERROR] [N]   the next N (1) auths of the channel fail with ERROR (UNOTFOUND)",
            "  deny CHANNEL | allow CHANNEL   every auth of the channel gets UACCESS / normal again",
            "  pings off | pings on           leave WS pings and the ping method unanswered / answer them",
            "  raw CHANNEL TEXT...            send TEXT verbatim to every socket of the channel",
            "  say CHANNEL USER TEXT...       post a ChatMessage",
            "  traffic RATE | traffic off     random events per second per channel / stop",
            "  stats",
            "osu!:",
            "  osu-drop                       close every notification socket abruptly",
            "  osu-fail N [STATUS]            the next N /api/v2 requests fail (503)",
            "  osu-429 N                      the next N /api/v2 requests get 429",
            "  osu-revoke [USER]              revoke the user's (the bot's) tokens; its sockets get logout",
            "  osu-expire                     every access token issued so far expires now",
            "  osu-ttl SECONDS                access token lifetime from now on",
            "  osu-activity SECONDS           PUBLIC delivery needs a /chat/ack at most this old",
            "  osu-rate-limit N               API requests per minute per token",
            "  osu-token [USER]               print a new refresh token for the user (the bot)",
            "  osu-user NAME                  add a user",
            "  osu-say CHANNEL USER TEXT...   post a message (USER: id or name; a new name is a new user)",
            "  osu-me CHANNEL USER TEXT...    post an action (/me)",
            "  osu-pm FROM TO TEXT...         send a private message",
            "  osu-traffic RATE | osu-traffic off",
            "  osu-stats",
            "help");

    private final MixerAdmin mixer;
    private final OsuAdmin osu;

    public AdminCommands(MixerAdmin mixer, OsuAdmin osu) {
        this.mixer = mixer;
        this.osu = osu;
    }

    /** Runs one command line; never throws. Blank lines and {@code #} comments give null (no output). */
    public String run(String line) {
        String trimmed = line == null ? "" : line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return null;
        }
        try {
            ObjectNode result = execute(new Words(trimmed));
            return result == null ? HELP : "OK " + Json.write(result);
        } catch (AdminException e) {
            return "ERROR " + e.getMessage();
        } catch (RuntimeException e) {
            return "ERROR " + e;
        }
    }

    private ObjectNode execute(Words w) {
        String command = w.next("command").toLowerCase(Locale.ROOT);
        return switch (command) {
            case "help", "?" -> null;
            case "drop" -> mixer.dropSockets(w.hasMore() ? AdminArgs.longArg("channel", w.next("channel")) : null);
            case "endpoint-down" -> mixer.setEndpointDown(AdminArgs.intArg("endpoint", w.next("endpoint")), true);
            case "endpoint-up" -> mixer.setEndpointDown(AdminArgs.intArg("endpoint", w.next("endpoint")), false);
            case "reject-auth" -> mixer.rejectAuth(AdminArgs.longArg("channel", w.next("channel")),
                    AdminArgs.intArg("count", w.word(1), 1), w.word(0) == null ? "UNOTFOUND" : w.word(0));
            case "deny" -> mixer.denyChannel(AdminArgs.longArg("channel", w.next("channel")), true);
            case "allow" -> mixer.denyChannel(AdminArgs.longArg("channel", w.next("channel")), false);
            case "pings" -> mixer.setPingResponsive(AdminArgs.boolArg("on|off", w.next("on|off")));
            case "raw" -> mixer.rawFrame(AdminArgs.longArg("channel", w.next("channel")), w.rest("text"));
            case "say" -> mixer.postMessage(AdminArgs.longArg("channel", w.next("channel")), w.next("user"),
                    w.rest("text"));
            case "traffic" -> traffic(w, false);
            case "stats" -> mixer.stats();
            case "osu-drop" -> osu.dropSockets();
            case "osu-fail" -> osu.failRequests(AdminArgs.intArg("count", w.next("count")),
                    AdminArgs.intArg("status", w.word(0), 503));
            case "osu-429" -> osu.rejectWith429(AdminArgs.intArg("count", w.next("count")));
            case "osu-revoke" -> osu.revokeTokens(w.hasMore() ? AdminArgs.longArg("user", w.next("user")) : null);
            case "osu-expire" -> osu.expireAccessTokens();
            case "osu-ttl" -> osu.accessTokenTtl(AdminArgs.longArg("seconds", w.next("seconds")));
            case "osu-activity" -> osu.activityTimeout(AdminArgs.longArg("seconds", w.next("seconds")));
            case "osu-rate-limit" -> osu.apiRateLimit(AdminArgs.intArg("limit", w.next("limit")));
            case "osu-token" -> osu.refreshToken(w.hasMore() ? AdminArgs.longArg("user", w.next("user")) : null);
            case "osu-user" -> osu.addUser(w.next("name"));
            case "osu-say" -> osu.postMessage(AdminArgs.longArg("channel", w.next("channel")), w.next("user"),
                    w.rest("text"), false);
            case "osu-me" -> osu.postMessage(AdminArgs.longArg("channel", w.next("channel")), w.next("user"),
                    w.rest("text"), true);
            case "osu-pm" -> osu.privateMessage(w.next("from"), w.next("to"), w.rest("text"));
            case "osu-traffic" -> traffic(w, true);
            case "osu-stats" -> osu.stats();
            default -> throw AdminException.badRequest("unknown command '" + command + "' (try: help)");
        };
    }

    private ObjectNode traffic(Words w, boolean onOsu) {
        String rate = w.next("rate|off");
        if (rate.equalsIgnoreCase("off") || rate.equalsIgnoreCase("stop")) {
            return onOsu ? osu.stopTraffic() : mixer.stopTraffic();
        }
        double value = AdminArgs.doubleArg("rate", rate);
        return onOsu ? osu.startTraffic(value) : mixer.startTraffic(value);
    }

    /** A command line split at spaces, with access to the unsplit rest (raw frames and texts keep their spaces). */
    private static final class Words {
        private final String line;
        private int position;

        Words(String line) {
            this.line = line;
        }

        boolean hasMore() {
            skipSpaces();
            return position < line.length();
        }

        String next(String name) {
            skipSpaces();
            if (position >= line.length()) {
                throw AdminException.badRequest(name + " is missing");
            }
            int end = line.indexOf(' ', position);
            end = end < 0 ? line.length() : end;
            String word = line.substring(position, end);
            position = end;
            return word;
        }

        /** The n-th word after the current position (0 = the next one), without consuming; null if absent. */
        String word(int n) {
            String[] words = line.substring(position).strip().split("\\s+");
            return n < words.length && !words[n].isEmpty() ? words[n] : null;
        }

        String rest(String name) {
            skipSpaces();
            if (position >= line.length()) {
                throw AdminException.badRequest(name + " is missing");
            }
            String rest = line.substring(position);
            position = line.length();
            return rest;
        }

        private void skipSpaces() {
            while (position < line.length() && Character.isWhitespace(line.charAt(position))) {
                position++;
            }
        }
    }
}
