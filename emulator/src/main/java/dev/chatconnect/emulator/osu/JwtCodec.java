package dev.chatconnect.emulator.osu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatconnect.emulator.Json;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/** RS256 JSON Web Tokens with a key pair made at start, like osu-web's oauth-private.key (reference §1.2). */
final class JwtCodec {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getUrlDecoder();
    private static final String HEADER = B64.encodeToString(
            "{\"typ\":\"JWT\",\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8));

    private final KeyPair keys;

    JwtCodec() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    PublicKey publicKey() {
        return keys.getPublic();
    }

    /** The public key as PEM ("-----BEGIN PUBLIC KEY-----"), what the notification server would be given. */
    String publicKeyPem() {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPublic().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    String sign(ObjectNode claims) {
        String signingInput = HEADER + "." + B64.encodeToString(Json.writeUtf8(claims));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    /**
     * The claims of a well-formed RS256 token signed with our key whose {@code exp} (if present) has not passed and
     * whose {@code nbf} (if present) has; empty for anything else, including garbage.
     */
    Optional<JsonNode> verify(String token, Instant now) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode header = Json.parse(new String(B64_DECODE.decode(parts[0]), StandardCharsets.UTF_8));
            if (!"RS256".equals(header.path("alg").asText())) {
                return Optional.empty();
            }
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(keys.getPublic());
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rsa.verify(B64_DECODE.decode(parts[2]))) {
                return Optional.empty();
            }
            JsonNode claims = Json.parse(new String(B64_DECODE.decode(parts[1]), StandardCharsets.UTF_8));
            long epoch = now.getEpochSecond();
            if (claims.has("exp") && claims.get("exp").asDouble() <= epoch) {
                return Optional.empty();
            }
            if (claims.has("nbf") && claims.get("nbf").asDouble() > epoch) {
                return Optional.empty();
            }
            return Optional.of(claims);
        } catch (IllegalArgumentException | GeneralSecurityException | java.io.IOException e) {
            return Optional.empty();
        }
    }
}
