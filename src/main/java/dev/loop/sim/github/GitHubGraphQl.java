package dev.loop.sim.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loop.sim.github.GitHubServer.Call;
import dev.loop.sim.github.GitHubServer.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /graphql}, answering exactly the one query Loop sends: the issues each of some pull requests will
 * close ({@code closingIssuesReferences}: those linked in the sidebar and those linked with closing keywords), the
 * pull requests' numbers given as the variables {@code $p0}, {@code $p1}, … Anything else is answered as GitHub
 * answers a query it cannot run: 200 with {@code {"errors": [...]}}. A pull request or repository that does not
 * exist is {@code null} in {@code data} with a {@code NOT_FOUND} error, as on GitHub. The token (401 "Bad
 * credentials"), the {@code graphql} rate limit and its {@code X-RateLimit-*} headers are the server's, as for every
 * route; a query is not a content-creating request.
 */
final class GitHubGraphQl {

    private final GitHubSim sim;

    GitHubGraphQl(GitHubSim sim) {
        this.sim = sim;
    }

    void register(GitHubServer s) {
        s.route("POST", "/graphql", null, "graphql", this::query);
    }

    /** The text of the query for {@code pulls} pull requests, as Loop writes it. */
    static String closingIssuesQuery(int pulls) {
        StringBuilder q = new StringBuilder("query($owner: String!, $name: String!");
        for (int i = 0; i < pulls; i++) q.append(", $p").append(i).append(": Int!");
        q.append(") { repository(owner: $owner, name: $name) {");
        for (int i = 0; i < pulls; i++)
            q.append(" p")
                    .append(i)
                    .append(": pullRequest(number: $p")
                    .append(i)
                    .append(") { number closingIssuesReferences(first: 25) { nodes { number repository {")
                    .append(" nameWithOwner } } } }");
        return q.append(" } }").toString();
    }

    private static String normalised(String query) {
        return query.replaceAll("\\s+", " ")
                .replaceAll("\\s*([{}():,!])\\s*", "$1")
                .strip();
    }

    private Reply query(Call c) {
        JsonNode body = c.body();
        if (body == null || !body.path("query").isTextual())
            return errors(error("A query attribute must be specified and must be a string.", null, null));
        JsonNode variables = body.path("variables");
        List<Integer> pulls = new ArrayList<>();
        for (int i = 0; variables.has("p" + i); i++) {
            if (!variables.path("p" + i).canConvertToInt())
                return errors(error("Variable $p" + i + " of type Int! was provided invalid value", null, null));
            pulls.add(variables.path("p" + i).asInt());
        }
        if (pulls.isEmpty()
                || !normalised(body.path("query").asText()).equals(normalised(closingIssuesQuery(pulls.size()))))
            return errors(error(
                    "The GitHub simulator answers only Loop's closing issues query; this one differs from it.",
                    null,
                    null));
        String owner = variables.path("owner").asText("");
        String name = variables.path("name").asText("");
        ObjectNode answer = GhJson.obj();
        ObjectNode data = answer.putObject("data");
        ArrayNode errors = GhJson.arr();
        SimRepository repo = sim.findRepo(owner, name);
        if (repo == null) {
            data.putNull("repository");
            errors.add(error(
                    "Could not resolve to a Repository with the name '" + owner + "/" + name + "'.",
                    "NOT_FOUND",
                    List.of("repository")));
        } else {
            ObjectNode repository = data.putObject("repository");
            for (int i = 0; i < pulls.size(); i++) {
                int number = pulls.get(i);
                GhModel.Issue pull = repo.issues.get(number);
                if (pull == null || pull.pull == null) {
                    repository.putNull("p" + i);
                    errors.add(error(
                            "Could not resolve to a PullRequest with the number of " + number + ".",
                            "NOT_FOUND",
                            List.of("repository", "p" + i)));
                    continue;
                }
                ObjectNode node = repository.putObject("p" + i);
                node.put("number", number);
                ArrayNode nodes = node.putObject("closingIssuesReferences").putArray("nodes");
                for (int issue : repo.closingIssuesOf(pull).stream().limit(25).toList()) {
                    ObjectNode n = nodes.addObject();
                    n.put("number", issue);
                    n.putObject("repository").put("nameWithOwner", repo.fullName());
                }
            }
        }
        if (!errors.isEmpty()) answer.set("errors", errors);
        return Reply.ok(answer);
    }

    private static Reply errors(ObjectNode... errors) {
        ObjectNode answer = GhJson.obj();
        ArrayNode list = answer.putArray("errors");
        for (ObjectNode e : errors) list.add(e);
        return Reply.ok(answer);
    }

    private static ObjectNode error(String message, String type, List<String> path) {
        ObjectNode e = GhJson.obj();
        if (type != null) e.put("type", type);
        if (path != null) {
            ArrayNode p = e.putArray("path");
            path.forEach(p::add);
        }
        e.put("message", message);
        return e;
    }
}
