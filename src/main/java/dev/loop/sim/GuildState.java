package dev.loop.sim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A guild and everything in it. Structural changes happen under the world lock. */
final class GuildState {
    final long id;
    volatile String name;
    final long createdMs;
    volatile long ownerId;
    final Map<Long, RoleState> roles = new ConcurrentHashMap<>();
    final Map<Long, MemberState> members = new ConcurrentHashMap<>();
    /** Username to member, for the people API's lookups by name. */
    final Map<String, MemberState> membersByName = new ConcurrentHashMap<>();
    /**
     * Channels and threads in creation order. Changed and iterated under the world lock; synchronized so that
     * permission checks from test threads can look up a parent safely.
     */
    final Map<Long, ChannelState> channels = Collections.synchronizedMap(new LinkedHashMap<>());

    volatile MemberState botMember;
    volatile RoleState botRole;

    GuildState(long id, String name, long createdMs) {
        this.id = id;
        this.name = name;
        this.createdMs = createdMs;
    }

    RoleState everyone() {
        return roles.get(id);
    }
}
