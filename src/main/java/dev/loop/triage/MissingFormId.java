package dev.loop.triage;

import dev.loop.core.discord.ComponentId;
import dev.loop.core.discord.ComponentId.Kind;
import dev.loop.core.discord.ComponentId.Shape;
import java.util.Optional;

/**
 * The custom_id of the "What is still missing?" form that **Doesn't solve it** opens: {@code pmiss:<proposal>},
 * written and read by {@link ComponentId} ({@link #SHAPE}). The proposal id is enough: the form re-checks that the
 * person is a requester when it comes back, and a proposal never changes once made.
 */
record MissingFormId(long proposalId) {

    static final String PREFIX = "pmiss";
    static final Shape SHAPE = Shape.of(PREFIX, "That proposal can't be found any more.", Kind.ID);

    MissingFormId {
        if (proposalId <= 0) throw new IllegalArgumentException("proposal id must be positive: " + proposalId);
    }

    String toCustomId() {
        return SHAPE.id(proposalId);
    }

    /** Empty for another prefix or anything malformed. */
    static Optional<MissingFormId> parse(String customId) {
        if (!(SHAPE.parse(customId) instanceof ComponentId.Valid valid)) return Optional.empty();
        return Optional.of(new MissingFormId(valid.id().id(0)));
    }
}
