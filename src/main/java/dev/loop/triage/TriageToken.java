package dev.loop.triage;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A triage prompt's identity as carried in a component custom_id: {@code <prefix>:<issue>:<revision>:<state>},
 * e.g. {@code "triage:12:7:ynnnY"}. The issue revision lets a handler tell a stale prompt (the issue changed since
 * it was posted) from a live one; the state lets the walk continue after a restart with nothing kept in memory.
 *
 * <p>Buttons should carry the state they lead to (for example the Yes button carries
 * {@code state.answer(q, true)}), which keeps every custom_id in a prompt distinct.
 */
public record TriageToken(int issueNumber, int revision, TriageState state) {

    /** Discord's custom_id limit. */
    public static final int MAX_CUSTOM_ID_LENGTH = 100;

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_.-]{1,40}");
    private static final Pattern BODY = Pattern.compile("(\\d{1,10}):(\\d{1,10}):([A-Za-z!]{1,7})");

    public TriageToken {
        Objects.requireNonNull(state, "state");
        if (issueNumber <= 0) throw new IllegalArgumentException("issue number must be positive: " + issueNumber);
        if (revision < 0) throw new IllegalArgumentException("revision must not be negative: " + revision);
    }

    /**
     * The custom_id. The prefix is a short routing key of letters, digits, {@code _ . -} (at most 40), so the
     * whole id stays well under {@value #MAX_CUSTOM_ID_LENGTH} characters: 40 + 1 + 10 + 1 + 10 + 1 + 7 = 70.
     */
    public String toCustomId(String prefix) {
        checkPrefix(prefix);
        String id = prefix + ":" + issueNumber + ":" + revision + ":" + state.encode();
        if (id.length() > MAX_CUSTOM_ID_LENGTH) throw new IllegalStateException("custom_id too long: " + id);
        return id;
    }

    /** Reads a custom_id written by {@link #toCustomId(String)}; empty for another prefix or anything malformed. */
    public static Optional<TriageToken> parse(String prefix, String customId) {
        checkPrefix(prefix);
        if (customId == null || customId.length() > MAX_CUSTOM_ID_LENGTH || !customId.startsWith(prefix + ":")) {
            return Optional.empty();
        }
        Matcher m = BODY.matcher(customId.substring(prefix.length() + 1));
        if (!m.matches()) return Optional.empty();
        try {
            int number = Integer.parseInt(m.group(1));
            int revision = Integer.parseInt(m.group(2));
            if (number <= 0) return Optional.empty();
            return TriageState.parse(m.group(3)).map(s -> new TriageToken(number, revision, s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** True when the issue has changed since this prompt was made. */
    public boolean isStale(int currentRevision) {
        return currentRevision != revision;
    }

    private static void checkPrefix(String prefix) {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("bad custom_id prefix: " + prefix);
        }
    }
}
