package dev.loop.triage;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The custom_id of the "What is still missing?" form that **Doesn't solve it** opens: {@code pmiss:<proposal>}.
 * The proposal id is enough: the form re-checks that the person is a requester when it comes back, and a proposal
 * never changes once made.
 */
record MissingFormId(long proposalId) {

    static final String PREFIX = "pmiss";
    private static final Pattern BODY = Pattern.compile("[1-9]\\d{0,17}");

    MissingFormId {
        if (proposalId <= 0) throw new IllegalArgumentException("proposal id must be positive: " + proposalId);
    }

    String toCustomId() {
        return PREFIX + ":" + proposalId;
    }

    /** Empty for another prefix or anything malformed. */
    static Optional<MissingFormId> parse(String customId) {
        if (customId == null || !customId.startsWith(PREFIX + ":")) return Optional.empty();
        String body = customId.substring(PREFIX.length() + 1);
        if (!BODY.matcher(body).matches()) return Optional.empty();
        return Optional.of(new MissingFormId(Long.parseLong(body)));
    }
}
