package dev.chatconnect.emulator.osu;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Every channel by id and name, and the PM channel of each pair of users. Thread-safe. */
final class OsuChannels {

    private static final long FIRST_PM_ID = 50_000_000L;

    private final Map<Long, OsuChannel> byId = new ConcurrentHashMap<>();
    private final Map<String, OsuChannel> pms = new ConcurrentHashMap<>();
    private final AtomicLong nextPublicId;
    private final AtomicLong nextPmId = new AtomicLong(FIRST_PM_ID);
    private final OsuContext context;

    OsuChannels(OsuContext context, long firstPublicId) {
        this.context = context;
        this.nextPublicId = new AtomicLong(firstPublicId);
    }

    /** A PUBLIC channel named "#name" ("#" added if missing) with the next free id. */
    synchronized OsuChannel addPublic(String name, String description) {
        String full = name.startsWith("#") ? name : "#" + name;
        if (named(full).isPresent()) {
            throw new IllegalArgumentException("osu! channel " + full + " already exists");
        }
        long id;
        do {
            id = nextPublicId.getAndIncrement();
        } while (byId.containsKey(id));
        OsuChannel channel = OsuChannel.publicChannel(id, full, description, context);
        byId.put(id, channel);
        return channel;
    }

    Optional<OsuChannel> find(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** For API handlers: 404 {"error":null} for a non-numeric id, the model-lookup 404 for an unknown one. */
    OsuChannel forApi(Long id) {
        if (id == null) {
            throw new ApiError(OsuErrors.notFound());
        }
        return find(id).orElseThrow(() -> new ApiError(OsuErrors.channelNotFound()));
    }

    /** By name, case-insensitively, with or without the leading "#". */
    Optional<OsuChannel> named(String name) {
        String wanted = (name.startsWith("#") ? name : "#" + name).toLowerCase(Locale.ROOT);
        return byId.values().stream().filter(c -> c.name().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    List<OsuChannel> publicChannels() {
        List<OsuChannel> list = new ArrayList<>(byId.values().stream().filter(OsuChannel::isPublic).toList());
        list.sort(Comparator.comparingLong(OsuChannel::id));
        return list;
    }

    /** Channels where the user has a visible membership. */
    List<OsuChannel> joinedBy(long userId) {
        List<OsuChannel> list = new ArrayList<>();
        for (OsuChannel channel : byId.values()) {
            Membership membership = channel.membership(userId);
            if (membership != null && !membership.hidden()) {
                list.add(channel);
            }
        }
        list.sort(Comparator.comparingLong(OsuChannel::id));
        return list;
    }

    OsuChannel pm(long userA, long userB) {
        return pms.get(pmKey(userA, userB));
    }

    /** The PM channel of the pair, created (both users members) if there is none yet. */
    synchronized PmLookup pmOrCreate(long userA, long userB) {
        OsuChannel existing = pm(userA, userB);
        if (existing != null) {
            return new PmLookup(existing, false);
        }
        OsuChannel created = OsuChannel.pm(nextPmId.getAndIncrement(), userA, userB, context);
        byId.put(created.id(), created);
        pms.put(pmKey(userA, userB), created);
        return new PmLookup(created, true);
    }

    record PmLookup(OsuChannel channel, boolean created) {
    }

    private static String pmKey(long a, long b) {
        return Math.min(a, b) + "-" + Math.max(a, b);
    }
}
