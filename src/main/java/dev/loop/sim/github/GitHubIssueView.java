package dev.loop.sim.github;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An issue or pull request as anyone sees it on github.com; {@code pullRequest} false for plain issues. */
public record GitHubIssueView(
        int number,
        String title,
        String body,
        String state,
        String stateReason,
        String author,
        List<String> labels,
        int commentCount,
        Map<String, List<String>> reactions,
        Instant createdAt,
        Instant updatedAt,
        Instant closedAt,
        boolean pullRequest,
        boolean draft,
        boolean merged,
        String mergeCommitSha) {

    static GitHubIssueView of(GhModel.Issue i) {
        Map<String, List<String>> reactions = new TreeMap<>();
        for (GhModel.Reaction r : i.reactions) {
            reactions
                    .computeIfAbsent(r.content, k -> new java.util.ArrayList<>())
                    .add(r.user.login);
        }
        reactions.replaceAll((k, v) -> List.copyOf(v));
        return new GitHubIssueView(
                i.number,
                i.title,
                i.body,
                i.state,
                i.stateReason,
                i.user.login,
                List.copyOf(i.labels),
                i.comments.size(),
                Map.copyOf(reactions),
                i.createdAt,
                i.updatedAt,
                i.closedAt,
                i.pull != null,
                i.pull != null && i.pull.draft,
                i.pull != null && i.pull.merged,
                i.pull == null ? null : i.pull.mergeCommitSha);
    }

    public boolean open() {
        return state.equals("open");
    }
}
