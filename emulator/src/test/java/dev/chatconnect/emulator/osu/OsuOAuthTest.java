package dev.chatconnect.emulator.osu;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatconnect.emulator.ChatEmulator;
import dev.chatconnect.emulator.EmulatorOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.chatconnect.emulator.osu.OsuTestSupport.Response;
import static dev.chatconnect.emulator.osu.OsuTestSupport.get;
import static dev.chatconnect.emulator.osu.OsuTestSupport.json;
import static dev.chatconnect.emulator.osu.OsuTestSupport.send;
import static dev.chatconnect.emulator.osu.OsuTestSupport.tokenRequestForm;
import static dev.chatconnect.emulator.osu.OsuTestSupport.tokenRequestJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OsuOAuthTest {

    private ChatEmulator emulator;
    private OsuEmulator osu;

    @BeforeEach
    void start() {
        emulator = ChatEmulator.start(EmulatorOptions.builder().mixerChannelCount(0).seed(5).build());
        osu = emulator.osu();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private Map<String, Object> client(String grant) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client_id", osu.clientId());
        body.put("client_secret", osu.clientSecret());
        body.put("grant_type", grant);
        return body;
    }

    private String clientForm(String grant) {
        return "client_id=" + osu.clientId() + "&client_secret=" + osu.clientSecret() + "&grant_type=" + grant;
    }

    private static JsonNode claims(String jwt) throws Exception {
        String[] parts = jwt.split("\\.");
        return OsuTestSupport.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    @Test
    void refreshTokensRotateAndTheOldPairStopsWorking() {
        String first = osu.initialRefreshToken();
        Response rotated = tokenRequestForm(osu, clientForm("refresh_token") + "&refresh_token=" + first);
        assertEquals(200, rotated.status(), rotated.toString());
        JsonNode body = rotated.json();
        assertEquals("Bearer", body.get("token_type").asText());
        assertEquals(86400, body.get("expires_in").asLong());
        assertEquals(List.of("token_type", "expires_in", "access_token", "refresh_token"),
                iterableToList(body.fieldNames()));
        String second = body.get("refresh_token").asText();
        assertNotEquals(first, second);

        Response reused = tokenRequestForm(osu, clientForm("refresh_token") + "&refresh_token=" + first);
        assertEquals(400, reused.status());
        assertEquals("invalid_grant", reused.json().get("error").asText());

        Map<String, Object> again = client("refresh_token");
        again.put("refresh_token", second);
        Response third = tokenRequestJson(osu, again);
        assertEquals(200, third.status(), third.toString());
        String oldAccess = body.get("access_token").asText();
        assertEquals(401, get(osu, "/chat/channels", oldAccess).status(), "the old access token is revoked");
        assertEquals(200, get(osu, "/chat/channels", third.json().get("access_token").asText()).status());
        assertEquals(List.of(first, first, second), osu.usedRefreshTokens());
        assertEquals(3, osu.tokenRequests());
    }

    @Test
    void accessTokensAreRs256JwtsSignedWithTheEmulatorKey() throws Exception {
        Response response = tokenRequestForm(osu, clientForm("refresh_token") + "&refresh_token="
                + osu.initialRefreshToken());
        String jwt = response.json().get("access_token").asText();
        String[] parts = jwt.split("\\.");
        assertEquals(3, parts.length);
        JsonNode header = OsuTestSupport.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[0]));
        assertEquals("RS256", header.get("alg").asText());
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(osu.publicKey());
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rsa.verify(Base64.getUrlDecoder().decode(parts[2])));

        JsonNode claims = claims(jwt);
        assertEquals(osu.clientId(), claims.get("aud").asText());
        assertEquals(80, claims.get("jti").asText().length());
        assertEquals(Long.toString(osu.botUserId()), claims.get("sub").asText());
        long now = Instant.now().getEpochSecond();
        assertTrue(Math.abs(claims.get("iat").asLong() - now) < 5);
        assertEquals(claims.get("iat").asLong(), claims.get("nbf").asLong());
        assertEquals(claims.get("iat").asLong() + 86400, claims.get("exp").asLong());
        assertEquals("[\"chat.read\",\"chat.write\",\"chat.write_manage\",\"identify\"]",
                claims.get("scopes").toString());
        assertTrue(osu.publicKeyPem().startsWith("-----BEGIN PUBLIC KEY-----\n"));
    }

    @Test
    void authorizationCodeFromTheAuthorizeRedirect() throws Exception {
        String redirect = "http://localhost:7270/callback";
        Response authorize = send("GET", osu.baseUrl() + "/oauth/authorize?client_id=" + osu.clientId()
                + "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8)
                + "&response_type=code&scope=chat.read+chat.write&state=xyz%201", null, null, null);
        assertEquals(302, authorize.status(), authorize.toString());
        URI location = URI.create(authorize.headers().firstValue("location").orElseThrow());
        assertTrue(location.toString().startsWith(redirect + "?code="), location.toString());
        assertTrue(location.getRawQuery().endsWith("&state=xyz+1"), location.toString());
        String code = location.getQuery().split("&")[0].substring("code=".length());

        Map<String, Object> exchange = client("authorization_code");
        exchange.put("code", code);
        exchange.put("redirect_uri", redirect);
        Response token = tokenRequestJson(osu, exchange);
        assertEquals(200, token.status(), token.toString());
        assertTrue(token.json().has("refresh_token"));
        JsonNode claims = claims(token.json().get("access_token").asText());
        assertEquals("[\"chat.read\",\"chat.write\"]", claims.get("scopes").toString());
        assertEquals(Long.toString(osu.botUserId()), claims.get("sub").asText());

        Response reused = tokenRequestJson(osu, exchange);
        assertEquals(400, reused.status());
        assertEquals("invalid_grant", reused.json().get("error").asText());
    }

    @Test
    void authorizationCodeChecksTheRedirectUriAndDefaultsToIdentify() throws Exception {
        long user = osu.addUser("someone");
        String code = osu.issueAuthorizationCode(user, "http://a/cb");
        Map<String, Object> wrong = client("authorization_code");
        wrong.put("code", code);
        wrong.put("redirect_uri", "http://b/cb");
        assertEquals(401, tokenRequestJson(osu, wrong).status());

        Response authorize = send("GET", osu.baseUrl() + "/oauth/authorize?client_id=" + osu.clientId()
                + "&response_type=code&user_id=" + user, null, null, null);
        String location = authorize.headers().firstValue("location").orElseThrow();
        assertTrue(location.startsWith(osu.redirectUri() + "?code="), location);
        Response callback = send("GET", location, null, null, null);
        String defaultCode = callback.json().get("code").asText();
        Response token = tokenRequestForm(osu, clientForm("authorization_code") + "&code=" + defaultCode);
        assertEquals(200, token.status(), token.toString());
        JsonNode claims = claims(token.json().get("access_token").asText());
        assertEquals("[\"identify\"]", claims.get("scopes").toString());
        assertEquals(Long.toString(user), claims.get("sub").asText());
    }

    @Test
    void clientCredentialsScopeRules() throws Exception {
        Response missing = tokenRequestForm(osu, clientForm("client_credentials"));
        assertEquals(400, missing.status());
        assertEquals("invalid_scope", missing.json().get("error").asText());

        Response publicToken = tokenRequestForm(osu, clientForm("client_credentials") + "&scope=public");
        assertEquals(200, publicToken.status(), publicToken.toString());
        assertFalse(publicToken.json().has("refresh_token"));
        assertEquals("", claims(publicToken.json().get("access_token").asText()).get("sub").asText());

        Response delegate = tokenRequestForm(osu, clientForm("client_credentials")
                + "&scope=delegate%20chat.write%20chat.write_manage");
        assertEquals(200, delegate.status(), delegate.toString());

        for (String scope : List.of("delegate chat.write chat.read", "delegate chat.write public")) {
            Map<String, Object> body = client("client_credentials");
            body.put("scope", scope);
            Response invalid = tokenRequestJson(osu, body);
            assertEquals(400, invalid.status(), scope);
            assertEquals("invalid_scope", invalid.json().get("error").asText());
            assertEquals("delegate_invalid_combination", invalid.json().get("hint").asText());
        }
        Map<String, Object> noDelegate = client("client_credentials");
        noDelegate.put("scope", "chat.write");
        assertEquals(400, tokenRequestJson(osu, noDelegate).status());
        Map<String, Object> chatRead = client("client_credentials");
        chatRead.put("scope", "chat.read");
        assertEquals(400, tokenRequestJson(osu, chatRead).status());
    }

    @Test
    void delegateTokenWritesAsTheBotButCannotRead() {
        Map<String, Object> body = client("client_credentials");
        body.put("scope", "delegate chat.write");
        String token = tokenRequestJson(osu, body).json().get("access_token").asText();
        long user = osu.addUser("pm_target");
        Response pm = json("POST", osu, "/chat/new", token, Map.of("target_id", user, "message", "hello"));
        assertEquals(200, pm.status(), pm.toString());
        assertEquals(osu.botUserId(), pm.json().get("message").get("sender_id").asLong());
        Response read = get(osu, "/chat/channels", token);
        assertEquals(403, read.status());
        assertEquals("A required scope is missing.", read.json().get("error").asText());
    }

    @Test
    void badClientAndUnknownGrant() {
        Response badSecret = tokenRequestForm(osu, "client_id=" + osu.clientId()
                + "&client_secret=nope&grant_type=client_credentials&scope=public");
        assertEquals(401, badSecret.status());
        assertEquals("invalid_client", badSecret.json().get("error").asText());
        Response basic = send("POST", osu.baseUrl() + "/oauth/token", null, "application/x-www-form-urlencoded",
                "grant_type=client_credentials&scope=public");
        assertEquals(400, basic.status(), "no client_id at all");
        Response password = tokenRequestForm(osu, clientForm("password"));
        assertEquals("unsupported_grant_type", password.json().get("error").asText());
        Response notJson = send("POST", osu.baseUrl() + "/oauth/token", null, "application/json", "{oops");
        assertEquals(400, notJson.status(), "a broken body is a missing client_id, not a crash");
    }

    @Test
    void expiryFollowsTheConfiguredTtl() {
        osu.setAccessTokenTtl(Duration.ofSeconds(3));
        Response token = tokenRequestForm(osu, clientForm("refresh_token") + "&refresh_token="
                + osu.initialRefreshToken());
        assertEquals(3, token.json().get("expires_in").asLong());
        String access = token.json().get("access_token").asText();
        assertEquals(200, get(osu, "/chat/channels", access).status());

        osu.expireAllAccessTokens();
        Response expired = get(osu, "/chat/channels", access);
        assertEquals(401, expired.status());
        assertEquals("{\"authentication\":\"basic\"}", expired.body());
        Response refreshed = tokenRequestForm(osu, clientForm("refresh_token") + "&refresh_token="
                + token.json().get("refresh_token").asText());
        assertEquals(200, refreshed.status(), "refresh tokens survive expired access tokens");
    }

    @Test
    void revokingTheCurrentTokenAndAllTokensOfAUser() {
        String a = osu.issueAccessToken(osu.botUserId());
        String b = osu.issueAccessToken(osu.botUserId());
        Response revoke = send("DELETE", osu.apiUrl() + "/oauth/tokens/current", a, null, null);
        assertEquals(204, revoke.status());
        assertEquals(401, get(osu, "/chat/channels", a).status());
        assertEquals(200, get(osu, "/chat/channels", b).status());

        osu.revokeTokensOf(osu.botUserId());
        assertEquals(401, get(osu, "/chat/channels", b).status());
        Response refresh = tokenRequestForm(osu, clientForm("refresh_token") + "&refresh_token="
                + osu.initialRefreshToken());
        assertEquals(400, refresh.status(), "refresh tokens are revoked too");
    }

    @Test
    void tokenEndpointIsThrottled() {
        osu.setTokenRateLimit(2);
        assertEquals(400, tokenRequestForm(osu, clientForm("client_credentials")).status());
        assertEquals(400, tokenRequestForm(osu, clientForm("client_credentials")).status());
        Response limited = tokenRequestForm(osu, clientForm("client_credentials"));
        assertEquals(429, limited.status());
        assertEquals("{\"error\":\"Too Many Attempts.\"}", limited.body());
        assertEquals(1, osu.http429Count());
    }

    private static List<String> iterableToList(java.util.Iterator<String> it) {
        List<String> list = new java.util.ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }
}
