package dev.chatconnect.emulator.mixer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/** The users the emulator knows by name: a realistic crowd for random traffic, plus anyone who posted or joined. */
final class ChatUsers {

    static final MixerUser HYPEBOT = new MixerUser(696, "HypeBot", List.of("Mod", "User"), 0, null, true);

    private static final String[] CROWD_NAMES = {
        "PixelPaladin", "mika_chan", "NoScopeNana", "TurboTortoise", "Ana_Lucia", "xXDarkSoulXx", "GrandmaGamer",
        "el_gato_loco", "Quietus", "BeepBoop42", "FrostByte", "lil_waffle", "Captain_Obvious", "Zephyrine",
        "NachoAverageGamer", "SirLagsALot", "moonpie_7", "ThatOneViewer", "KappaKarl", "ruby_red", "Hexadecimal",
        "sunny_d", "OwlBeBack", "Jazz_Hands", "Mr_Meeseeks", "TacoTuesday", "coffee_bean", "VelvetThunder",
    };
    private static final List<List<String>> CROWD_ROLES = List.of(
            List.of("User"), List.of("User"), List.of("User"), List.of("Pro", "User"), List.of("Subscriber", "User"),
            List.of("Subscriber", "Pro", "User"), List.of("Mod", "User"), List.of("Pro", "User", "Partner"),
            List.of("Global Mod", "User"), List.of("Staff", "User"), List.of("Founder", "User"));

    private final Map<String, MixerUser> byName = new ConcurrentHashMap<>();
    private final List<MixerUser> crowd = new ArrayList<>();

    ChatUsers(Random random) {
        // Users and attributes taken from real 2018 frames (reference §5.2, §5.4).
        crowd.add(new MixerUser(11233131, "Jolet", List.of("User"), 25, null, false));
        crowd.add(new MixerUser(5590578, "Almighty_Wikkid", List.of("Subscriber", "Pro", "User"), 91,
                "https://uploads.mixer.com/avatar/szxz6i01-5590578.jpg", false));
        crowd.add(new MixerUser(2685, "Scottybot", List.of("Mod", "Pro", "User"), 69,
                "https://uploads.beam.pro/avatar/pjrnq92n-2685.jpg", false));
        crowd.add(new MixerUser(392874, "Covent", List.of("Pro", "User"), 80,
                "https://uploads.mixer.com/avatar/c0v3nt01-392874.jpg", false));
        crowd.add(new MixerUser(300889, "DJBluePDX", List.of("Pro", "User"), 44, null, false));
        crowd.add(new MixerUser(2412558, "EmperorPewn", List.of("Pro", "User", "Partner"), 120,
                "https://uploads.mixer.com/avatar/e7pw0n55-2412558.jpg", false));
        crowd.add(new MixerUser(25127552, "XxMawderatorxX", List.of("Mod", "User"), 17, null, false));
        for (String name : CROWD_NAMES) {
            long id = 100_000 + random.nextInt(90_000_000);
            List<String> roles = CROWD_ROLES.get(random.nextInt(CROWD_ROLES.size()));
            String avatar = random.nextInt(4) == 0 ? null : avatarUrl(random, id);
            crowd.add(new MixerUser(id, name, roles, 1 + random.nextInt(120), avatar, false));
        }
        crowd.forEach(this::remember);
        remember(HYPEBOT);
    }

    static String avatarUrl(Random random, long userId) {
        String host = random.nextInt(5) == 0 ? "uploads.beam.pro" : "uploads.mixer.com";
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            key.append(Character.forDigit(random.nextInt(36), 36));
        }
        return "https://" + host + "/avatar/" + key + "-" + userId + ".jpg";
    }

    MixerUser remember(MixerUser user) {
        byName.put(user.name().toLowerCase(Locale.ROOT), user);
        return user;
    }

    Optional<MixerUser> named(String name) {
        return Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The known user with this name and id, else a new plain "User" derived from the id (and remembered). */
    MixerUser namedOrNew(String name, long id) {
        MixerUser known = byName.get(name.toLowerCase(Locale.ROOT));
        if (known != null && known.id() == id) {
            return known;
        }
        Random fromId = new Random(id);
        String avatar = id % 4 == 0 ? null : avatarUrl(fromId, id);
        return remember(new MixerUser(id, name, List.of("User"), 1 + (int) Math.floorMod(id, 100L), avatar, false));
    }

    MixerUser randomViewer(Random random) {
        return crowd.get(random.nextInt(crowd.size()));
    }
}
