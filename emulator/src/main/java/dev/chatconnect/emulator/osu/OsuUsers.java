package dev.chatconnect.emulator.osu;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every account the emulator knows: the bot, a seeded crowd that chats in the traffic, and users added by tests. */
final class OsuUsers {

    private static final String[] CROWD = {
        "Sotarks", "Mrekk_fan", "aim_practice", "FlyingTuna", "kiai_time", "Nyanpasu", "holdnote", "ClickerKid",
        "lazer_enjoyer", "Rafis_", "ctb_main", "taikonaut", "mania4k", "Slider_Break", "HDHR", "stream_deck",
        "Miiya", "jumpfarmer", "BPMaster", "Kurenai", "Yukimura", "OverweightCat", "Tsubaki", "Zenith",
    };
    private static final String[] COUNTRIES = {"JP", "US", "DE", "PL", "KR", "BR", "FR", "GB", "AU", "CA", "TW", "RU"};
    private static final String[] COLOURS = {null, null, null, "#3366FF", "#FF66AB", "#A347EB", "#00FFAA"};

    private final Map<Long, OsuUser> byId = new ConcurrentHashMap<>();
    private final Map<String, OsuUser> byName = new ConcurrentHashMap<>();
    private final List<OsuUser> crowd = new CopyOnWriteArrayList<>();
    private final Random random;

    OsuUsers(Random random) {
        this.random = random;
        for (String name : CROWD) {
            crowd.add(remember(newUser(name, false)));
        }
    }

    /** A new account with a fresh id; throws if the name is taken (osu! names are unique, case-insensitively). */
    synchronized OsuUser add(String username, boolean bot) {
        if (byName.containsKey(key(username))) {
            throw new IllegalArgumentException("osu! user " + username + " already exists");
        }
        return remember(newUser(username, bot));
    }

    Optional<OsuUser> find(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    Optional<OsuUser> named(String username) {
        return Optional.ofNullable(byName.get(key(username)));
    }

    OsuUser require(long id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no osu! user " + id));
    }

    /** One of the seeded crowd (never the bot). */
    OsuUser randomCrowdMember(Random r) {
        return crowd.get(r.nextInt(crowd.size()));
    }

    List<OsuUser> crowd() {
        return new ArrayList<>(crowd);
    }

    private synchronized OsuUser newUser(String username, boolean bot) {
        long id;
        do {
            id = 100_000 + random.nextInt(39_900_000);
        } while (byId.containsKey(id));
        String avatar = "https://a.ppy.sh/" + id + "?" + (1_500_000_000L + random.nextInt(250_000_000)) + ".jpeg";
        return new OsuUser(id, username, bot, COUNTRIES[random.nextInt(COUNTRIES.length)], avatar,
                bot ? null : COLOURS[random.nextInt(COLOURS.length)], random.nextInt(5) == 0,
                Instant.now().minusSeconds(random.nextInt(86_400)));
    }

    private OsuUser remember(OsuUser user) {
        byId.put(user.id(), user);
        byName.put(key(user.username()), user);
        return user;
    }

    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT).replace(' ', '_');
    }
}
