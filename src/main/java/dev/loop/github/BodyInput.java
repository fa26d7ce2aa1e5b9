package dev.loop.github;

import java.time.Instant;
import java.util.List;

/**
 * Everything the Loop-managed section of a GitHub issue body shows, already resolved to names (no ids): the pure
 * input of {@link GitHubBody}. {@code namingVotes} are the decisions of the naming votes tied to the issue, oldest
 * first. Texts are as people wrote them; the renderer neutralises them.
 */
public record BodyInput(
        int number,
        String kind,
        String status,
        String summary,
        String priority,
        String priorityReason,
        String timeline,
        String owner,
        String shippedVersion,
        List<PlaceLine> places,
        List<Person> requesters,
        List<ProposalLine> proposals,
        List<Message> details,
        List<Message> transcript,
        boolean transcriptAsSummary,
        List<String> namingVotes) {

    /** A body without naming votes. */
    public BodyInput(
            int number,
            String kind,
            String status,
            String summary,
            String priority,
            String priorityReason,
            String timeline,
            String owner,
            String shippedVersion,
            List<PlaceLine> places,
            List<Person> requesters,
            List<ProposalLine> proposals,
            List<Message> details,
            List<Message> transcript,
            boolean transcriptAsSummary) {
        this(
                number,
                kind,
                status,
                summary,
                priority,
                priorityReason,
                timeline,
                owner,
                shippedVersion,
                places,
                requesters,
                proposals,
                details,
                transcript,
                transcriptAsSummary,
                List.of());
    }

    public BodyInput {
        namingVotes = List.copyOf(namingVotes);
        places = List.copyOf(places);
        requesters = List.copyOf(requesters);
        proposals = List.copyOf(proposals);
        details = List.copyOf(details);
        transcript = List.copyOf(transcript);
    }

    /** A place the issue came up: shown as a link. */
    public record PlaceLine(String title, String url) {}

    /** A requester: a Discord display name, or a GitHub login. */
    public record Person(String name, boolean github) {}

    /** A proposed solution and what the requesters said of it. */
    public record ProposalLine(String solution, String snippet, int solves, int doesNotSolve) {}

    /** One message: who, when, what (and attachment links). */
    public record Message(String author, Instant at, String content, List<String> attachments) {
        public Message {
            attachments = List.copyOf(attachments);
        }
    }
}
