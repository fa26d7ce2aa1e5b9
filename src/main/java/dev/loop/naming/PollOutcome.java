package dev.loop.naming;

import dev.loop.core.text.Safe;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** What a closed naming vote decided, from the final vote counts (answers in the order they were offered). */
public record PollOutcome(List<Count> counts) {

    public record Count(String name, int votes) {}

    public PollOutcome {
        counts = List.copyOf(counts);
    }

    public int total() {
        return counts.stream().mapToInt(Count::votes).sum();
    }

    /** The names with the most votes; several on a tie, none when nobody voted. */
    public List<String> leaders() {
        int max = counts.stream().mapToInt(Count::votes).max().orElse(0);
        if (max == 0) return List.of();
        return counts.stream().filter(c -> c.votes() == max).map(Count::name).toList();
    }

    /** The result line posted in the team channel. Names are shown safely (no mentions, no markdown). */
    public String text(String proposal) {
        String tally = counts.stream()
                .map(c -> Safe.inline(c.name(), 60) + " " + c.votes())
                .collect(Collectors.joining(" · "));
        List<String> leaders = leaders();
        String subject = "The naming vote on **" + Safe.inline(proposal, 60) + "**";
        if (leaders.isEmpty()) return "🗳️ " + subject + " closed with no votes.";
        if (leaders.size() == 1) {
            int votes = counts.stream()
                    .filter(c -> c.name().equals(leaders.get(0)))
                    .findFirst()
                    .orElseThrow()
                    .votes();
            return "🗳️ " + subject + " closed: **" + Safe.inline(leaders.get(0), 60) + "** wins with " + votes + " of "
                    + total() + (total() == 1 ? " vote" : " votes") + " (" + tally + ").";
        }
        List<String> shown = new ArrayList<>();
        for (String l : leaders) shown.add("**" + Safe.inline(l, 60) + "**");
        String names = shown.size() == 2
                ? shown.get(0) + " and " + shown.get(1)
                : String.join(", ", shown.subList(0, shown.size() - 1)) + " and " + shown.getLast();
        return "🗳️ " + subject + " closed in a tie between " + names + " (" + tally + ").";
    }
}
