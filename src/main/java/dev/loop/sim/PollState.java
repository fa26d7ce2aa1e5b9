package dev.loop.sim;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A native poll attached to a message. Mutations happen under the world lock. */
final class PollState {
    record Answer(int id, String text, String emojiName, String emojiId) {}

    final String question;
    final List<Answer> answers;
    final boolean multiselect;
    final int layoutType;
    volatile long expiryMs;
    volatile boolean finalized;
    /** answer id to voter ids, in vote order. */
    final Map<Integer, Set<Long>> votes = new LinkedHashMap<>();

    PollState(String question, List<Answer> answers, boolean multiselect, int layoutType, long expiryMs) {
        this.question = question;
        this.answers = answers;
        this.multiselect = multiselect;
        this.layoutType = layoutType;
        this.expiryMs = expiryMs;
        for (Answer a : answers) {
            votes.put(a.id(), new LinkedHashSet<>());
        }
    }

    int count(int answerId) {
        Set<Long> v = votes.get(answerId);
        return v == null ? 0 : v.size();
    }

    int total() {
        int n = 0;
        for (Set<Long> v : votes.values()) {
            n += v.size();
        }
        return n;
    }
}
