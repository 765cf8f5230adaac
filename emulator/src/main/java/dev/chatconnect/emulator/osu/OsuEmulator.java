package dev.chatconnect.emulator.osu;

import dev.chatconnect.emulator.TrafficGenerator;

import dev.chatconnect.emulator.EmulatorOptions;
import dev.chatconnect.emulator.server.EmulatorServer;

import java.security.PublicKey;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The emulated osu!: OAuth under {@code /oauth}, the chat API under {@code /api/v2}, the notification websocket on
 * any other path; the bot account that owns the OAuth client, channels, fault injection and counters for tests.
 */
public final class OsuEmulator implements AutoCloseable {

    private static final String BOT_USERNAME = "ChatConnectBot";
    private static final long FIRST_CHANNEL_ID = 5;
    private static final List<String> DEFAULT_USER_SCOPES =
            List.of("chat.read", "chat.write", "chat.write_manage", "identify");

    private final String host;
    private final int port;
    private final long seed;
    private final String clientId;
    private final String clientSecret;
    private final OsuSettings settings;
    private final OsuUsers users;
    private final OsuUser bot;
    private final OsuCounters counters = new OsuCounters();
    private final OsuFaults faults = new OsuFaults();
    private final NotificationHub hub = new NotificationHub();
    private final ScheduledExecutorService scheduler;
    private final ApiRateLimits apiRateLimits;
    private final SendLimits sendLimits;
    private final JwtCodec jwt = new JwtCodec();
    private final TokenStore tokens;
    private final OsuChannels channels;
    private final List<Long> optionChannelIds = new CopyOnWriteArrayList<>();
    private final List<TrafficGenerator> trafficGenerators = new CopyOnWriteArrayList<>();
    private final String initialRefreshToken;

    private OsuEmulator(String host, int port, EmulatorOptions options) {
        this.host = host;
        this.port = port;
        this.seed = options.seed();
        Random random = new Random(seed * 31 + 7);
        this.clientId = Integer.toString(10_000 + random.nextInt(90_000));
        this.clientSecret = randomString(random, 40);
        this.settings = new OsuSettings(options.osuAccessTokenTtl(), options.osuActivityTimeout(),
                options.osuPingInterval());
        this.users = new OsuUsers(random);
        this.bot = users.add(BOT_USERNAME, true);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "osu-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        this.apiRateLimits = new ApiRateLimits(settings);
        this.sendLimits = new SendLimits(settings);
        this.tokens = new TokenStore(jwt, clientId, settings::accessTokenTtl);
        OsuContext context = new OsuContext(users, new AtomicLong(OsuContext.FIRST_MESSAGE_ID), hub, settings,
                scheduler);
        this.channels = new OsuChannels(context, FIRST_CHANNEL_ID);
        for (int i = 0; i < options.osuChannelCount(); i++) {
            OsuChannel channel = switch (i) {
                case 0 -> channels.addPublic("#osu", "The official osu! channel (english only).");
                case 1 -> channels.addPublic("#lobby", "Advertise your multiplayer game.");
                default -> channels.addPublic("#channel" + (FIRST_CHANNEL_ID + i),
                        "Emulated channel " + (FIRST_CHANNEL_ID + i) + ".");
            };
            optionChannelIds.add(channel.id());
        }
        this.initialRefreshToken = issueRefreshToken(bot.id());
    }

    /** Creates the emulated osu! and registers its routes (the websocket route takes every path: register last). */
    public static OsuEmulator attach(EmulatorServer server, EmulatorOptions options) {
        OsuEmulator osu = new OsuEmulator("127.0.0.1", server.port(), options);
        server.addHttpRoute(new TokenEndpoint(osu));
        server.addHttpRoute(new OsuRestApi(osu));
        server.addWebSocketRoute(new NotificationEndpoint(osu));
        return osu;
    }

    // ---- Where and who -------------------------------------------------------------------------------------------

    /** {@code http://127.0.0.1:PORT/api/v2}. */
    public String apiUrl() {
        return baseUrl() + OsuRestApi.PREFIX;
    }

    /** {@code http://127.0.0.1:PORT}; the token endpoint is {@code baseUrl() + "/oauth/token"}. */
    public String baseUrl() {
        return "http://" + host + ":" + port;
    }

    /** {@code ws://127.0.0.1:PORT/osu/notifications} (any path works, as on the real relay). */
    public String notificationUrl() {
        return "ws://" + host + ":" + port + "/osu/notifications";
    }

    /** The redirect target used when /oauth/authorize gets no redirect_uri; it answers {"code","state"}. */
    public String redirectUri() {
        return baseUrl() + "/oauth/callback";
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    /** The connector's account: owner of the OAuth client, in the Bot group. */
    public long botUserId() {
        return bot.id();
    }

    public String botUsername() {
        return bot.username();
    }

    /** The public half of the token signing key (tokens are RS256 JWTs). */
    public PublicKey publicKey() {
        return jwt.publicKey();
    }

    public String publicKeyPem() {
        return jwt.publicKeyPem();
    }

    // ---- Tokens --------------------------------------------------------------------------------------------------

    /**
     * A refresh token as if the user had completed the authorization_code flow (its access token is issued too but
     * not returned). No scopes given: chat.read chat.write chat.write_manage identify.
     */
    public String issueRefreshToken(long userId, String... scopes) {
        users.require(userId);
        return tokens.issue(userId, scopes(scopes), true).refreshToken();
    }

    /** An access token (JWT) for the user, without going through the token endpoint. */
    public String issueAccessToken(long userId, String... scopes) {
        users.require(userId);
        return tokens.issue(userId, scopes(scopes), false).access().jwt();
    }

    /** A code for the authorization_code grant, as /oauth/authorize would redirect with; redirectUri may be null. */
    public String issueAuthorizationCode(long userId, String redirectUri, String... scopes) {
        users.require(userId);
        return tokens.newAuthorizationCode(userId, redirectUri, scopes(scopes));
    }

    /** Issued for the bot at start and printed in the EMULATOR line. Single use: it rotates on first refresh. */
    public String initialRefreshToken() {
        return initialRefreshToken;
    }

    // ---- Users and channels --------------------------------------------------------------------------------------

    /** A new (non-bot) account; returns its id. */
    public long addUser(String username) {
        return users.add(username, false).id();
    }

    public boolean hasUser(long userId) {
        return users.find(userId).isPresent();
    }

    /** The id of the account with this name (case-insensitive), if any. */
    public java.util.Optional<Long> userIdOf(String username) {
        return users.named(username).map(OsuUser::id);
    }

    /** A PUBLIC channel "#name" ("#" added if missing) with the next free id. */
    public OsuChannel addPublicChannel(String name) {
        return channels.addPublic(name, "");
    }

    /** Any channel by id (PMs included); IllegalArgumentException if there is none. */
    public OsuChannel channel(long id) {
        return channels.find(id).orElseThrow(() -> new IllegalArgumentException("no osu! channel " + id));
    }

    /** By name, with or without "#", case-insensitively; IllegalArgumentException if there is none. */
    public OsuChannel channelByName(String name) {
        return channels.named(name).orElseThrow(() -> new IllegalArgumentException("no osu! channel " + name));
    }

    /** The PUBLIC channels created from the options (#osu = 5, #lobby = 6, #channel7, ...). */
    public List<Long> channelIds() {
        return List.copyOf(optionChannelIds);
    }

    /** Stores and broadcasts a PM (creating the channel, with join events, if needed); returns the message_id. */
    public long sendPrivateMessage(long fromUserId, long toUserId, String content, boolean action) {
        OsuUser sender = users.require(fromUserId);
        users.require(toUserId);
        if (fromUserId == toUserId) {
            throw new IllegalArgumentException("can't send message to same user");
        }
        OsuChannels.PmLookup pm = channels.pmOrCreate(fromUserId, toUserId);
        if (pm.created()) {
            pm.channel().announceMembers();
        }
        return pm.channel().post(sender, content, action, null, java.time.Instant.now(), false).messageId();
    }

    /** The PM channel of the two users, or null until the first PM. */
    public OsuChannel pmChannel(long userA, long userB) {
        return channels.pm(userA, userB);
    }

    // ---- Fault injection and settings ----------------------------------------------------------------------------

    /** Closes every notification socket abruptly (TCP close, no close frame: 1006). */
    public void dropAllSockets() {
        hub.dropAll();
    }

    /** The next {@code count} /api/v2 requests fail with this status and {"error":null}. */
    public void failNextRequests(int count, int httpStatus) {
        faults.failNextRequests(count, httpStatus);
    }

    /** The next {@code count} /api/v2 requests get 429 {"error":"Too Many Attempts."}. */
    public void rejectNextRequestsWith429(int count) {
        faults.rejectNextRequestsWith429(count);
    }

    /**
     * The next {@code count} successful sends (POST /chat/channels/{id}/messages and /chat/new) are stored and
     * broadcast as usual, but answered with 502 {"error":null}: a response lost after the server did the work.
     */
    public void loseNextSendResponses(int count) {
        faults.loseNextSendResponses(count);
    }

    /** Revokes every access and refresh token of the user; their sockets get {"event":"logout"} and a close. */
    public void revokeTokensOf(long userId) {
        java.util.Set<String> revoked = tokens.revokeUser(userId);
        hub.logout(revoked::contains);
    }

    /** Every access token issued so far stops working now (REST 401, websocket auth fails); refresh still works. */
    public void expireAllAccessTokens() {
        tokens.expireAllAccessTokens();
    }

    /** Lifetime of access tokens issued from now on (default 1 day). */
    public void setAccessTokenTtl(Duration ttl) {
        settings.setAccessTokenTtl(ttl);
    }

    /** How old the last /chat/ack may be for PUBLIC messages to be delivered (default 60 s). */
    public void setChatActivityTimeout(Duration timeout) {
        settings.setActivityTimeout(timeout);
    }

    /** Requests per minute per access token before 429 {"error":"Too Many Attempts."} (default 1200). */
    public void setApiRateLimit(int requestsPerMinute) {
        settings.setApiRequestsPerMinute(requestsPerMinute);
    }

    /** Token endpoint requests per minute (default 60, Laravel's throttle; all clients share it on loopback). */
    public void setTokenRateLimit(int requestsPerMinute) {
        settings.setTokenRequestsPerMinute(requestsPerMinute);
    }

    /** Chat send limits per user and category (PM / other): default 10 per 5 s, bots 300 per 60 s. */
    public void setChatSendLimits(int userMessages, Duration userWindow, int botMessages, Duration botWindow) {
        settings.setSendLimits(new OsuSettings.SendLimit(userMessages, userWindow),
                new OsuSettings.SendLimit(botMessages, botWindow));
    }

    /** WebSocket ping interval for sockets opened from now on (default 20 s). */
    public void setPingInterval(Duration interval) {
        settings.setPingInterval(interval);
    }

    /** How long the token check of a new socket takes before connection.ready (default 20 ms; 0 = at once). */
    public void setReadyDelay(Duration delay) {
        settings.setReadyDelay(delay);
    }

    // ---- Observations --------------------------------------------------------------------------------------------

    public int tokenRequests() {
        return counters.tokenRequests.get();
    }

    public int ackRequests() {
        return counters.ackRequests.get();
    }

    /** Every /api/v2 request, whatever its outcome. */
    public int restRequests() {
        return counters.restRequests.get();
    }

    /** GET .../channels/{id}/messages calls for the channel, whatever their outcome. */
    public int messagesRequests(long channelId) {
        return counters.messagesRequests(channelId);
    }

    /** Open notification sockets, authenticated or not. */
    public int openSockets() {
        return hub.openSockets();
    }

    public int chatStartedSockets(long userId) {
        return hub.chatStartedSockets(userId);
    }

    /** Client frames (chat.start included) that arrived before connection.ready and were lost (reference §2.5). */
    public int framesLostBeforeReady() {
        return counters.framesLostBeforeReady.get();
    }

    /** 429s sent for any reason: injected, API throttle, chat send limit, token endpoint throttle. */
    public int http429Count() {
        return counters.http429.get();
    }

    /** Every refresh token presented to the token endpoint (refresh_token grant), in order, accepted or not. */
    public List<String> usedRefreshTokens() {
        return counters.presentedRefreshTokens();
    }

    public TrafficGenerator startTraffic(Collection<Long> channelIds, double messagesPerSecondPerChannel) {
        List<java.util.function.Consumer<Random>> targets = channelIds.stream().map(this::channel)
                .map(channel -> (java.util.function.Consumer<Random>) random -> {
                    // mostly messages (some actions, unicode, user commands), now and then a crowd member joining
                    if (channel.isPublic() && random.nextInt(100) < 4) {
                        channel.join(users.randomCrowdMember(random).id());
                    } else {
                        channel.postRandomMessage(random);
                    }
                })
                .toList();
        TrafficGenerator generator = new TrafficGenerator(targets, messagesPerSecondPerChannel,
                seed + trafficGenerators.size() + 1, trafficGenerators::remove);
        trafficGenerators.add(generator);
        generator.start();
        return generator;
    }

    public void stopAllTraffic() {
        List.copyOf(trafficGenerators).forEach(TrafficGenerator::stop);
    }

    /** Stops traffic and timers; the sockets close with the server. */
    @Override
    public void close() {
        stopAllTraffic();
        scheduler.shutdownNow();
    }

    // ---- Package-private plumbing --------------------------------------------------------------------------------

    OsuSettings settings() {
        return settings;
    }

    OsuCounters counters() {
        return counters;
    }

    OsuFaults faults() {
        return faults;
    }

    OsuUsers users() {
        return users;
    }

    OsuUser bot() {
        return bot;
    }

    TokenStore tokens() {
        return tokens;
    }

    OsuChannels channels() {
        return channels;
    }

    NotificationHub hub() {
        return hub;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    ApiRateLimits apiRateLimits() {
        return apiRateLimits;
    }

    SendLimits sendLimits() {
        return sendLimits;
    }

    private static List<String> scopes(String... scopes) {
        return scopes.length == 0 ? DEFAULT_USER_SCOPES : List.of(scopes);
    }

    private static String randomString(Random random, int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
