package dev.loop.naming;

import dev.loop.core.text.Safe;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The three names a naming vote offers, validated: each one line, not empty, at most {@value #MAX_NAME} characters
 * (Discord's limit for a poll answer), and all three different (ignoring case); the reason at most
 * {@value #MAX_REASON} characters so the message fits.
 */
public record NameProposal(
        String proposal, String alternative1, String alternative2, String reason, String like1, String like2) {

    /** A proposal without what its proposer likes about the alternatives (votes from before they were asked). */
    public NameProposal(String proposal, String alternative1, String alternative2, String reason) {
        this(proposal, alternative1, alternative2, reason, null, null);
    }

    public static final int MAX_NAME = 55;
    public static final int MAX_REASON = 1500;
    /** Each of the three reasons of a vote asked with {@code /name}, so all three fit one message. */
    public static final int MAX_LIKE = 500;

    /** The checked proposal, or the sentence telling the engineer what to fix. */
    public sealed interface Parsed permits Valid, Invalid {}

    public record Valid(NameProposal proposal) implements Parsed {}

    public record Invalid(String problem) implements Parsed {}

    public List<String> names() {
        return List.of(proposal, alternative1, alternative2);
    }

    public Optional<String> reasonText() {
        return reason == null || reason.isBlank() ? Optional.empty() : Optional.of(reason);
    }

    /**
     * As {@code /name} asks it: the proposed name with why, and two alternatives each with what the proposer likes
     * about it; all three reasons are needed (the team votes on reasons, not only on names).
     */
    public static Parsed parse(
            String proposal, String why, String alternative1, String like1, String alternative2, String like2) {
        String[][] reasons = {
            {"why", why, "why the proposed name"},
            {"like1", like1, "what you like about alternative1"},
            {"like2", like2, "what you like about alternative2"}
        };
        for (String[] r : reasons) {
            String t = r[1] == null ? "" : r[1].strip();
            if (t.isEmpty())
                return new Invalid("Say " + r[2] + " (`" + r[0] + "`); the team votes on the reasons too.");
            if (t.length() > MAX_LIKE) {
                return new Invalid(
                        "`" + r[0] + "` is " + t.length() + " characters long; keep it to " + MAX_LIKE + ".");
            }
        }
        Parsed names = parse(proposal, alternative1, alternative2, why);
        if (!(names instanceof Valid v)) return names;
        NameProposal p = v.proposal();
        return new Valid(new NameProposal(
                p.proposal(), p.alternative1(), p.alternative2(), p.reason(), like1.strip(), like2.strip()));
    }

    public static Parsed parse(String proposal, String alternative1, String alternative2, String reason) {
        String[] labels = {"proposal", "alternative1", "alternative2"};
        String[] names = {Safe.oneLineRaw(proposal), Safe.oneLineRaw(alternative1), Safe.oneLineRaw(alternative2)};
        for (int i = 0; i < 3; i++) {
            if (names[i].isEmpty()) return new Invalid("The " + labels[i] + " is empty; give a name.");
            if (names[i].length() > MAX_NAME) {
                return new Invalid("The " + labels[i] + " is " + names[i].length() + " characters long; poll answers "
                        + "can be at most " + MAX_NAME + ".");
            }
        }
        for (int i = 0; i < 3; i++) {
            for (int j = i + 1; j < 3; j++) {
                if (names[i].toLowerCase(Locale.ROOT).equals(names[j].toLowerCase(Locale.ROOT))) {
                    return new Invalid("The " + labels[i] + " and " + labels[j] + " are the same name; offer three "
                            + "different names.");
                }
            }
        }
        String r = reason == null ? null : reason.strip();
        if (r != null && r.length() > MAX_REASON) {
            return new Invalid("The reason is " + r.length() + " characters long; keep it to " + MAX_REASON + ".");
        }
        return new Valid(new NameProposal(names[0], names[1], names[2], r == null || r.isEmpty() ? null : r));
    }
}
