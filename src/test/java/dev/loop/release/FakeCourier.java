package dev.loop.release;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Discord stand-in for the worker's unit tests: threads that can be deleted, locked or archived, people who refuse
 * DMs, scripted failures, and nonce enforcement (a repeated nonce returns the first message).
 */
final class FakeCourier implements Courier {

    record Sent(
            long channelId,
            long messageId,
            String content,
            List<Long> mentions,
            String nonce,
            List<Action> actions,
            Long dmUser) {}

    static final long DM_BASE = 1_000_000L;

    final List<Sent> sent = new ArrayList<>();
    final Map<String, Sent> byNonce = new HashMap<>();
    final Set<Long> deleted = new HashSet<>();
    final Set<Long> locked = new HashSet<>();
    final Set<Long> archived = new HashSet<>();
    final Set<Long> dmClosed = new HashSet<>();
    final List<Long> unarchived = new ArrayList<>();
    final List<String> tags = new ArrayList<>();
    /** The new text of every edit, in order. */
    final List<String> edits = new ArrayList<>();
    /** Failures to throw, per target (channel id, or DM_BASE + user id), before succeeding. */
    final Map<Long, Deque<SendFailure>> failures = new HashMap<>();
    /** After this many successful posts, the next post goes out but the call then "crashes". */
    int crashAfter = -1;

    int calls;
    private long nextId = 5000;

    void failNext(long target, SendFailure... f) {
        failures.computeIfAbsent(target, k -> new ArrayDeque<>()).addAll(List.of(f));
    }

    static SendFailure serverError() {
        return new SendFailure(500, 0, "Internal Server Error");
    }

    @Override
    public synchronized Posted post(long channelId, Outgoing message) throws SendFailure {
        calls++;
        scripted(channelId);
        if (deleted.contains(channelId)) throw new SendFailure(404, 10003, "Unknown Channel");
        if (locked.contains(channelId)) throw new SendFailure(403, 50083, "Thread is archived");
        archived.remove(channelId); // sending auto-unarchives an unlocked thread
        return record(channelId, message, null);
    }

    @Override
    public synchronized Posted postDm(long userId, Outgoing message) throws SendFailure {
        calls++;
        scripted(DM_BASE + userId);
        if (dmClosed.contains(userId)) throw new SendFailure(403, 50007, "Cannot send messages to this user");
        return record(DM_BASE + userId, message, userId);
    }

    private void scripted(long target) throws SendFailure {
        Deque<SendFailure> q = failures.get(target);
        if (q != null && !q.isEmpty()) throw q.poll();
    }

    private Posted record(long channelId, Outgoing m, Long dmUser) {
        if (m.nonce() != null && byNonce.containsKey(m.nonce())) {
            Sent first = byNonce.get(m.nonce());
            return new Posted(first.channelId(), first.messageId());
        }
        Sent s = new Sent(channelId, nextId++, m.content(), m.mentions(), m.nonce(), m.actions(), dmUser);
        sent.add(s);
        if (m.nonce() != null) byNonce.put(m.nonce(), s);
        if (crashAfter >= 0 && sent.size() > crashAfter) throw new IllegalStateException("connection lost");
        return new Posted(channelId, s.messageId());
    }

    @Override
    public synchronized Fallback.ThreadCondition thread(long threadId) {
        return new Fallback.ThreadCondition(
                !deleted.contains(threadId), archived.contains(threadId), locked.contains(threadId));
    }

    @Override
    public synchronized void unarchive(long threadId) throws SendFailure {
        if (locked.contains(threadId)) throw new SendFailure(403, 50083, "Thread is archived");
        unarchived.add(threadId);
        archived.remove(threadId);
    }

    @Override
    public synchronized void tag(long threadId, String tag, String replaces) {
        tags.add(threadId + ":" + tag);
    }

    @Override
    public String jumpUrl(long channelId, long messageId) {
        return "https://discord.com/channels/1/" + channelId + "/" + messageId;
    }

    @Override
    public synchronized void edit(long channelId, long messageId, String content) {
        edits.add(content);
    }

    synchronized List<Sent> in(long channelId) {
        return sent.stream().filter(s -> s.channelId() == channelId).toList();
    }

    synchronized List<Sent> dmsTo(long userId) {
        return sent.stream()
                .filter(s -> s.dmUser() != null && s.dmUser() == userId)
                .toList();
    }

    /** Every message that names this person: their DMs and the thread messages mentioning them. */
    synchronized List<Sent> seenBy(long userId) {
        return sent.stream()
                .filter(s -> (s.dmUser() != null && s.dmUser() == userId)
                        || s.mentions().contains(userId))
                .toList();
    }
}
