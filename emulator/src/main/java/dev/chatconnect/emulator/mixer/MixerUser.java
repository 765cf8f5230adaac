package dev.chatconnect.emulator.mixer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatconnect.emulator.Json;

import java.util.List;

/**
 * A chat user as messages and events describe them. System accounts (HypeBot) carry no level and no avatar, and
 * their ChatMessages lack both keys; other users may have a null avatar.
 */
record MixerUser(long id, String name, List<String> roles, int level, String avatarUrl, boolean system) {

    MixerUser {
        roles = List.copyOf(roles);
    }

    MixerUser withRoles(List<String> newRoles) {
        return new MixerUser(id, name, newRoles, level, avatarUrl, system);
    }

    /** {user_name,user_id,user_roles,user_level}: the moderator / clearer object of moderation events. */
    ObjectNode asModerator() {
        ObjectNode node = asEventUser();
        node.put("user_level", level);
        return node;
    }

    /** {user_name,user_id,user_roles}: the author / user object of polls and timeouts. */
    ObjectNode asEventUser() {
        ObjectNode node = Json.object();
        node.put("user_name", name);
        node.put("user_id", id);
        node.set("user_roles", Json.MAPPER.valueToTree(roles));
        return node;
    }
}
