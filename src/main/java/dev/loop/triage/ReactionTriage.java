package dev.loop.triage;

import dev.loop.core.config.Config;
import dev.loop.issue.Priority;
import java.util.Optional;

/**
 * Which priority a reaction on an issue card stands for. Unicode emoji compare without the variation selector
 * (Discord sends "⬆" for a configured "⬆️" depending on the client); custom emoji compare by id.
 */
public final class ReactionTriage {

    private ReactionTriage() {}

    /**
     * @param emoji the reaction as Discord formats it: the unicode characters, or {@code <:name:id>} for a custom one
     */
    public static Optional<Priority> priorityFor(String emoji, Config.Reactions reactions) {
        if (emoji == null || emoji.isEmpty()) return Optional.empty();
        if (same(emoji, reactions.fixNow())) return Optional.of(Priority.FIX_NOW);
        if (same(emoji, reactions.high())) return Optional.of(Priority.HIGH);
        if (same(emoji, reactions.low())) return Optional.of(Priority.LOW);
        return Optional.empty();
    }

    static boolean same(String reacted, String configured) {
        if (configured == null || configured.isEmpty()) return false;
        String a = customId(reacted);
        String b = customId(configured);
        if (a != null || b != null) return a != null && a.equals(b);
        return normalise(reacted).equals(normalise(configured));
    }

    /** The id of a custom emoji written as {@code <:name:id>}, {@code <a:name:id>} or {@code name:id}; else null. */
    private static String customId(String emoji) {
        String s = emoji.strip();
        if (s.startsWith("<") && s.endsWith(">")) s = s.substring(1, s.length() - 1);
        int colon = s.lastIndexOf(':');
        if (colon < 0) return null;
        String id = s.substring(colon + 1);
        return !id.isEmpty() && id.chars().allMatch(Character::isDigit) ? id : null;
    }

    private static String normalise(String unicode) {
        return unicode.strip().replace("\uFE0F", "").replace("\uFE0E", "");
    }
}
