package dev.chatconnect.emulator.osu;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * osu-web's scope rules for new tokens ({@code Token::validate()}, reference §1.3). The OAuth client belongs to the
 * bot account, so "bot_only" and "delegate_bot_only" never apply here.
 */
final class ScopeRules {

    static final Set<String> KNOWN = Set.of("chat.read", "chat.write", "chat.write_manage", "delegate",
            "forum.write", "forum.write_manage", "friends.read", "group_permissions", "identify", "public",
            "multiplayer.write_manage", "*");
    /** Scopes a client_credentials token can only carry together with {@code delegate}. */
    private static final Set<String> DELEGATION = Set.of("chat.write", "chat.write_manage", "delegate",
            "forum.write", "forum.write_manage", "group_permissions", "multiplayer.write_manage");

    private ScopeRules() {
    }

    /** Space-separated (commas tolerated), duplicates removed, order kept; null or blank gives an empty list. */
    static List<String> parse(String scope) {
        if (scope == null || scope.isBlank()) {
            return List.of();
        }
        return List.copyOf(new LinkedHashSet<>(Arrays.asList(scope.trim().split("[\\s,]+"))));
    }

    static void requireKnown(List<String> scopes) {
        for (String scope : scopes) {
            if (!KNOWN.contains(scope) || scope.equals("*")) {
                throw OAuthException.invalidScope("The requested scope is invalid, unknown, or malformed",
                        "Check the `" + scope + "` scope");
            }
        }
    }

    /** client_credentials: scope required; either {@code public} alone or a delegation set that includes delegate. */
    static void checkClientCredentials(List<String> scopes) {
        if (scopes.isEmpty()) {
            throw OAuthException.invalidScope("The requested scope is invalid, unknown, or malformed",
                    "Specify a scope in the request or set a default scope");
        }
        requireKnown(scopes);
        boolean needsDelegation = scopes.stream().anyMatch(DELEGATION::contains);
        if (needsDelegation) {
            if (!scopes.contains("delegate")) {
                throw osuScopeError("delegate_required",
                        "This scope requires the delegate scope with client credentials.");
            }
            if (!DELEGATION.containsAll(scopes)) {
                throw osuScopeError("delegate_invalid_combination",
                        "The delegate scope cannot be combined with the other requested scopes.");
            }
            return;
        }
        if (!scopes.equals(List.of("public"))) {
            throw osuScopeError("client_credentials_only_public",
                    "Only the public scope can be requested with client credentials.");
        }
    }

    /** authorization_code: no {@code delegate}, no {@code *}; {@code identify} when nothing is asked for. */
    static List<String> checkAuthorizationCode(List<String> scopes) {
        requireKnown(scopes);
        if (scopes.contains("delegate")) {
            throw osuScopeError("delegate_client_credentials_only",
                    "The delegate scope is only available with client credentials.");
        }
        return scopes.isEmpty() ? List.of("identify") : scopes;
    }

    private static OAuthException osuScopeError(String key, String description) {
        return OAuthException.invalidScope(description, key);
    }
}
