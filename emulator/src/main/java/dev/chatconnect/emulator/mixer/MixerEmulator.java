package dev.chatconnect.emulator.mixer;

import dev.chatconnect.emulator.TrafficGenerator;

import dev.chatconnect.emulator.EmulatorOptions;
import dev.chatconnect.emulator.SlidingWindowRateLimiter;
import dev.chatconnect.emulator.server.EmulatorServer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The emulated Mixer: REST under {@code /api/v1}, chat sockets under {@code /mixer/chat/{n}}, its channels, the bot
 * account whose token the connector uses, fault injection and counters for tests.
 */
public final class MixerEmulator implements AutoCloseable {

    private static final String BOT_USERNAME = "ChatConnectBot";
    private static final long BOT_CHANNEL_ID = 1000;
    private static final long FIRST_CHANNEL_ID = 1001;

    private final String host;
    private final int port;
    private final int endpointCount;
    private final long seed;
    private final String clientId;
    private final String oauthToken;
    private final MixerUser bot;
    private final ChannelContext context;
    private final ScheduledExecutorService scheduler;

    private final Map<Long, MixerChannel> channels = new ConcurrentHashMap<>();
    private final List<Long> listedChannelIds = new CopyOnWriteArrayList<>();
    private final Set<MixerChatSocket> sockets = ConcurrentHashMap.newKeySet();
    private final List<TrafficGenerator> trafficGenerators = new CopyOnWriteArrayList<>();

    private final MixerFaults faults;
    private final ChatLimits limits = new ChatLimits();
    private final AuthKeys authKeys;
    private final ChatMethods methods;
    private volatile SlidingWindowRateLimiter chatsRateLimiter = new SlidingWindowRateLimiter(500, Duration.ofSeconds(60));

    private final Map<Long, AtomicInteger> chatsRequests = new ConcurrentHashMap<>();
    private final Map<Long, AtomicInteger> authAttempts = new ConcurrentHashMap<>();
    private final List<Map<String, String>> chatsRequestHeaders = Collections.synchronizedList(new ArrayList<>());
    private final List<String> upgradeUris = Collections.synchronizedList(new ArrayList<>());

    private MixerEmulator(String host, int port, EmulatorOptions options) {
        this.host = host;
        this.port = port;
        this.endpointCount = options.mixerEndpointCount();
        this.seed = options.seed();
        Random random = new Random(seed);
        this.clientId = randomString(random, "0123456789abcdef", 48);
        this.oauthToken = randomString(random, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 40);
        this.bot = new MixerUser(1_000_000 + random.nextInt(9_000_000), BOT_USERNAME, List.of("User"), 12, null,
                false);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "mixer-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        ChatUsers users = new ChatUsers(new Random(seed));
        users.remember(bot);
        this.context = new ChannelContext(users, new TimeUuids(random), bot, scheduler);
        this.faults = new MixerFaults(endpointCount);
        this.authKeys = new AuthKeys(options.authkeySingleUse(), options.authkeyTtl());
        this.methods = new ChatMethods(this);
        channels.put(BOT_CHANNEL_ID, new MixerChannel(BOT_CHANNEL_ID, BOT_USERNAME,
                bot.withRoles(List.of("Owner", "User")), context, seed));
        for (int i = 0; i < options.mixerChannelCount(); i++) {
            long id = FIRST_CHANNEL_ID + i;
            addChannel(id, "channel" + id);
        }
    }

    /** Creates the emulated Mixer and registers its REST and chat routes on the server. */
    public static MixerEmulator attach(EmulatorServer server, EmulatorOptions options) {
        MixerEmulator mixer = new MixerEmulator("127.0.0.1", server.port(), options);
        server.addHttpRoute(new MixerRestApi(mixer));
        server.addWebSocketRoute(new MixerChatEndpoint(mixer, mixer.endpointCount));
        return mixer;
    }

    // ---- Identity and channels --------------------------------------------------------------------------------

    /** The REST base URL, e.g. {@code http://127.0.0.1:8080/api/v1}. */
    public String apiUrl() {
        return "http://" + host + ":" + port + MixerRestApi.PREFIX;
    }

    public String clientId() {
        return clientId;
    }

    public String oauthToken() {
        return oauthToken;
    }

    public long botUserId() {
        return bot.id();
    }

    public String botUsername() {
        return bot.name();
    }

    /** The bot's own channel (it is Owner there); not part of {@link #channelIds()}. */
    public long botChannelId() {
        return BOT_CHANNEL_ID;
    }

    /** The chat endpoints /chats hands out, in order. */
    public List<String> endpoints() {
        List<String> endpoints = new ArrayList<>();
        for (int i = 1; i <= endpointCount; i++) {
            endpoints.add("ws://" + host + ":" + port + MixerChatEndpoint.PATH_PREFIX + i);
        }
        return endpoints;
    }

    /** The configured channels and those added later, in order of creation. */
    public List<Long> channelIds() {
        return List.copyOf(listedChannelIds);
    }

    public MixerChannel addChannel(long id, String name) {
        MixerUser owner = new MixerUser(10_000_000 + id, name, List.of("Owner", "User"), 50,
                ChatUsers.avatarUrl(new Random(id), 10_000_000 + id), false);
        MixerChannel channel = new MixerChannel(id, name, owner, context, seed);
        if (channels.putIfAbsent(id, channel) != null) {
            throw new IllegalArgumentException("Mixer channel " + id + " already exists");
        }
        context.users().remember(owner);
        listedChannelIds.add(id);
        return channel;
    }

    /** The channel with this id; throws IllegalArgumentException if there is none. */
    public MixerChannel channel(long id) {
        MixerChannel channel = channels.get(id);
        if (channel == null) {
            throw new IllegalArgumentException("No Mixer channel " + id + "; known: " + channels.keySet());
        }
        return channel;
    }

    // ---- Fault injection and settings -------------------------------------------------------------------------

    /** 0-based. A downed endpoint answers the upgrade with 503, so clients must fall back to another one. */
    public void setEndpointDown(int index, boolean down) {
        faults.setEndpointDown(index, down);
    }

    /** Closes every chat socket abruptly: TCP close, no close frame. */
    public void dropAllSockets() {
        sockets.forEach(MixerChatSocket::dropAbruptly);
    }

    public void dropSockets(long channelId) {
        channel(channelId).dropSockets();
    }

    /** The next {@code count} auth calls for the channel fail with this string error ("UNOTFOUND", "UACCESS"). */
    public void rejectNextAuths(long channelId, int count, String error) {
        faults.rejectNextAuths(channelId, count, error);
    }

    /**
     * The next {@code count} successful msg/whisper calls on the channel are stored, broadcast and recorded as usual,
     * but their caller gets no reply: a reply lost in transit (reference §8). Replaces any count still pending.
     */
    public void swallowNextReplies(long channelId, int count) {
        faults.swallowNextReplies(channelId, count);
    }

    /** While denied, every auth for the channel (anonymous included) answers "UACCESS". */
    public void denyChannel(long channelId, boolean denied) {
        faults.denyChannel(channelId, denied);
    }

    /** When false, WS ping frames and the ping method go unanswered: a half-dead socket. */
    public void setPingResponsive(boolean responsive) {
        faults.setPingResponsive(responsive);
    }

    /** When false, new sockets get no WelcomeEvent (the official client gives up after 5 s). */
    public void setWelcomeEnabled(boolean enabled) {
        faults.setWelcomeEnabled(enabled);
    }

    /** The next {@code count} /chats calls fail with this HTTP status (500, 503, ...). */
    public void failNextChatsRequests(int count, int httpStatus) {
        faults.failNextChatsRequests(count, httpStatus);
    }

    /** The /chats bucket: at most {@code requests} per sliding {@code window}, else 429 (default 500 per 60 s). */
    public void setChatsRateLimit(int requests, Duration window) {
        chatsRateLimiter = new SlidingWindowRateLimiter(requests, window);
    }

    /** msg/whisper longer than this (in code points) get error 4004 (default 360). */
    public void setMaxMessageLength(int codePoints) {
        limits.setMaxMessageLength(codePoints);
    }

    /** msg/whisper beyond {@code messages} per sliding {@code window} on one socket get error 4005 (default: off). */
    public void setMessageRateLimit(int messages, Duration window) {
        limits.setMessageRate(messages, window);
    }

    /** The error messages for too-long (a %d gets the limit) and rate-limited messages; no real texts are known. */
    public void setRejectionTexts(String tooLong, String rateLimited) {
        limits.setTexts(tooLong, rateLimited);
    }

    /** Changes the authkey policy for keys checked from now on. */
    public void setAuthkeyPolicy(boolean singleUse, Duration ttl) {
        authKeys.configure(singleUse, ttl);
    }

    // ---- Observations -----------------------------------------------------------------------------------------

    /** Sockets joined to the channel, signed in or anonymous. */
    public int connectedSockets(long channelId) {
        return channel(channelId).connectedSockets();
    }

    /** Every open chat socket, joined or not. */
    public int totalSockets() {
        return sockets.size();
    }

    public int chatsRequests(long channelId) {
        AtomicInteger count = chatsRequests.get(channelId);
        return count == null ? 0 : count.get();
    }

    public int authAttempts(long channelId) {
        AtomicInteger count = authAttempts.get(channelId);
        return count == null ? 0 : count.get();
    }

    /** The headers of every /chats call, names lower-cased, in arrival order. */
    public List<Map<String, String>> chatsRequestHeaders() {
        synchronized (chatsRequestHeaders) {
            return List.copyOf(chatsRequestHeaders);
        }
    }

    /** The request URI of every chat socket upgrade attempt (with its query string), refused ones included. */
    public List<String> socketUpgradeUris() {
        synchronized (upgradeUris) {
            return List.copyOf(upgradeUris);
        }
    }

    public TrafficGenerator startTraffic(Collection<Long> channelIds, double eventsPerSecondPerChannel,
                                         boolean messagesOnly) {
        List<Consumer<Random>> targets = channelIds.stream().map(this::channel)
                .map(channel -> {
                    Consumer<Random> emit = messagesOnly ? channel::postRandomMessage : channel::emitRandomEvent;
                    return emit;
                })
                .collect(Collectors.toList());
        TrafficGenerator generator = new TrafficGenerator(targets, eventsPerSecondPerChannel,
                seed + trafficGenerators.size() + 1, trafficGenerators::remove);
        trafficGenerators.add(generator);
        generator.start();
        return generator;
    }

    /** Stops every traffic generator of this platform (started by options, tests or the admin API). */
    public void stopAllTraffic() {
        List.copyOf(trafficGenerators).forEach(TrafficGenerator::stop);
    }

    /** Stops traffic and timers. The sockets themselves close with the server. */
    @Override
    public void close() {
        List.copyOf(trafficGenerators).forEach(TrafficGenerator::stop);
        scheduler.shutdownNow();
    }

    // ---- Package-private plumbing -----------------------------------------------------------------------------

    MixerFaults faults() {
        return faults;
    }

    ChatLimits limits() {
        return limits;
    }

    AuthKeys authKeys() {
        return authKeys;
    }

    ChatMethods methods() {
        return methods;
    }

    ChatUsers users() {
        return context.users();
    }

    MixerUser bot() {
        return bot;
    }

    SlidingWindowRateLimiter chatsRateLimiter() {
        return chatsRateLimiter;
    }

    /** The bot as it appears in this channel: Owner in its own channel, a plain User elsewhere. */
    MixerUser botIn(MixerChannel channel) {
        return channel.owner().id() == bot.id() ? bot.withRoles(List.of("Owner", "User")) : bot;
    }

    MixerChannel findChannel(long id) {
        return channels.get(id);
    }

    /** By numeric id or, case-insensitively, by name (the owner's username, "token" in REST). */
    MixerChannel findChannel(String idOrName) {
        if (idOrName.matches("\\d{1,18}")) {
            return channels.get(Long.parseLong(idOrName));
        }
        String name = idOrName.toLowerCase(Locale.ROOT);
        return channels.values().stream().filter(c -> c.name().toLowerCase(Locale.ROOT).equals(name))
                .findFirst().orElse(null);
    }

    void recordChatsRequest(Long channelId, Map<String, String> headers) {
        if (channelId != null) {
            chatsRequests.computeIfAbsent(channelId, id -> new AtomicInteger()).incrementAndGet();
        }
        chatsRequestHeaders.add(headers);
    }

    void countAuthAttempt(long channelId) {
        authAttempts.computeIfAbsent(channelId, id -> new AtomicInteger()).incrementAndGet();
    }

    void recordUpgrade(String uri) {
        upgradeUris.add(uri);
    }

    void socketOpened(MixerChatSocket socket) {
        sockets.add(socket);
    }

    void socketClosed(MixerChatSocket socket) {
        sockets.remove(socket);
    }

    private static String randomString(Random random, String alphabet, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
