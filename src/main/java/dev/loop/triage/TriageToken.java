package dev.loop.triage;

import dev.loop.core.discord.ComponentId;
import dev.loop.core.discord.ComponentId.Kind;
import dev.loop.core.discord.ComponentId.Shape;
import java.util.Objects;
import java.util.Optional;

/**
 * A triage prompt's identity as carried in a component custom_id, written and read through {@link ComponentId}:
 * {@code <prefix>:<issue>:<revision>:<state>}, e.g. {@code "tri:12:7:ynnnY"}. The issue revision lets a handler tell
 * a stale prompt (the issue changed since it was posted) from a live one; the state lets the walk continue after a
 * restart with nothing kept in memory.
 *
 * <p>Buttons should carry the state they lead to (for example the Yes button carries
 * {@code state.answer(q, true)}), which keeps every custom_id in a prompt distinct.
 */
public record TriageToken(int issueNumber, int revision, TriageState state) {

    /** Discord's custom_id limit. */
    public static final int MAX_CUSTOM_ID_LENGTH = ComponentId.MAX_LENGTH;

    public TriageToken {
        Objects.requireNonNull(state, "state");
        if (issueNumber <= 0) throw new IllegalArgumentException("issue number must be positive: " + issueNumber);
        if (revision < 0) throw new IllegalArgumentException("revision must not be negative: " + revision);
    }

    /** The shape of a prompt's ids under one prefix (the buttons' and the caveat menu's differ only there). */
    static Shape shape(String prefix) {
        return Shape.of(
                        prefix,
                        "That triage prompt can't be read any more. Run `/issue triage` again to get a fresh one.",
                        Kind.NUMBER,
                        Kind.REVISION,
                        Kind.TEXT)
                .stale("This triage prompt is out of date: the issue changed since it was shown.");
    }

    /** The custom_id; the prefix is a handler key of {@link ComponentId}'s grammar. */
    public String toCustomId(String prefix) {
        return shape(prefix).id(issueNumber, revision, state.encode());
    }

    /** Reads a custom_id written by {@link #toCustomId(String)}; empty for another prefix or anything malformed. */
    public static Optional<TriageToken> parse(String prefix, String customId) {
        if (!(shape(prefix).parse(customId) instanceof ComponentId.Valid valid)) return Optional.empty();
        ComponentId id = valid.id();
        return TriageState.parse(id.field(2)).map(s -> new TriageToken(id.number(0), id.number(1), s));
    }

    /** True when the issue has changed since this prompt was made. */
    public boolean isStale(int currentRevision) {
        return currentRevision != revision;
    }
}
