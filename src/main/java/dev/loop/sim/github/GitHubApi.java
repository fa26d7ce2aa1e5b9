package dev.loop.sim.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loop.sim.github.GitHubServer.Call;
import dev.loop.sim.github.GitHubServer.Failure;
import dev.loop.sim.github.GitHubServer.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The REST routes, with GitHub's paths, parameters, status codes and validation errors. Every handler runs under the
 * simulator's lock.
 */
final class GitHubApi {
    static final int MAX_BODY = 65_536;
    static final int MAX_TITLE = 256;
    static final String REPO = "/repos/{owner}/{repo}";

    private final GitHubSim sim;

    GitHubApi(GitHubSim sim) {
        this.sim = sim;
    }

    void register(GitHubServer s) {
        s.route(
                "GET",
                "/user",
                null,
                "core",
                c -> Reply.ok(views(c).fullUser(c.token().user())));
        s.route("GET", "/users/{login}", null, "core", this::getUser);
        s.route("GET", "/rate_limit", null, null, this::rateLimit);
        s.route("GET", REPO, "metadata", "core", this::getRepo);
        s.route("GET", REPO + "/issues", "issues", "core", this::listIssues);
        s.route("POST", REPO + "/issues", "issues", "core", this::createIssue);
        s.route("GET", REPO + "/issues/{number}", "issues", "core", this::getIssue);
        s.route("PATCH", REPO + "/issues/{number}", "issues", "core", this::updateIssue);
        s.route("GET", REPO + "/issues/{number}/comments", "issues", "core", this::listComments);
        s.route("POST", REPO + "/issues/{number}/comments", "issues", "core", this::createComment);
        s.route("GET", REPO + "/issues/comments", "issues", "core", this::listRepoComments);
        s.route("GET", REPO + "/issues/comments/{id}", "issues", "core", this::getComment);
        s.route("PATCH", REPO + "/issues/comments/{id}", "issues", "core", this::updateComment);
        s.route("DELETE", REPO + "/issues/comments/{id}", "issues", "core", this::deleteComment);
        s.route("GET", REPO + "/issues/{number}/labels", "issues", "core", this::listIssueLabels);
        s.route("POST", REPO + "/issues/{number}/labels", "issues", "core", c -> setIssueLabels(c, false));
        s.route("PUT", REPO + "/issues/{number}/labels", "issues", "core", c -> setIssueLabels(c, true));
        s.route("DELETE", REPO + "/issues/{number}/labels/{name}", "issues", "core", this::removeIssueLabel);
        s.route("GET", REPO + "/issues/{number}/reactions", "issues", "core", this::listReactions);
        s.route("POST", REPO + "/issues/{number}/reactions", "issues", "core", this::createReaction);
        s.route("DELETE", REPO + "/issues/{number}/reactions/{id}", "issues", "core", this::deleteReaction);
        new GitHubCodeApi(sim, this).register(s);
        new GitHubGraphQl(sim).register(s);
        s.route("GET", REPO + "/labels", "issues", "core", this::listLabels);
        s.route("POST", REPO + "/labels", "issues", "core", this::createLabel);
        s.route("GET", REPO + "/labels/{name}", "issues", "core", this::getLabel);
    }

    GhViews views(Call c) {
        return new GhViews(c.baseUrl(), sim.htmlBase);
    }

    // ---- users, repository, rate limit

    private Reply getUser(Call c) {
        GhModel.User u = sim.findUser(c.param("login"));
        if (u == null) throw Failure.notFound();
        return Reply.ok(views(c).fullUser(u), u.createdAt);
    }

    private Reply rateLimit(Call c) {
        ObjectNode body = GhJson.obj();
        ObjectNode resources = body.putObject("resources");
        long uid = c.token().user().id;
        for (String resource : List.of("core", "search")) {
            GitHubLimits.Quota q = sim.limits().quota(uid, resource);
            ObjectNode r = resources.putObject(resource);
            r.put("limit", q.limit());
            r.put("used", q.used());
            r.put("remaining", q.remaining());
            r.put("reset", q.resetEpochSeconds());
            if (resource.equals("core")) body.set("rate", r.deepCopy());
        }
        // Resources the simulator does not serve, reported full as GitHub would for an unused quota.
        long hour = sim.now().plusSeconds(3600).getEpochSecond();
        for (String resource : List.of("graphql", "integration_manifest", "code_search")) {
            ObjectNode r = resources.putObject(resource);
            int limit = resource.equals("graphql") ? 5_000 : resource.equals("code_search") ? 10 : 5_000;
            r.put("limit", limit);
            r.put("used", 0);
            r.put("remaining", limit);
            r.put("reset", hour);
        }
        return Reply.ok(body);
    }

    SimRepository repo(Call c) {
        SimRepository r = sim.findRepo(c.param("owner"), c.param("repo"));
        if (r == null) throw Failure.notFound();
        return r;
    }

    private Reply getRepo(Call c) {
        SimRepository r = repo(c);
        return Reply.ok(views(c).repo(r, c.token().user()), r.updatedAt);
    }

    // ---- issues

    GhModel.Issue issue(Call c, SimRepository r) {
        GhModel.Issue i;
        try {
            i = r.find(Integer.parseInt(c.param("number")));
        } catch (NumberFormatException e) {
            throw Failure.notFound();
        }
        if (i == null) {
            if (r.deleted.contains(Integer.parseInt(c.param("number")))) {
                throw new Failure(410, GitHubServer.message("This issue was deleted", GitHubServer.DOCS, 410));
            }
            throw Failure.notFound();
        }
        return i;
    }

    private static void checkTitle(String title) {
        if (title == null || title.isBlank()) throw Failure.invalid("Issue", "title", "missing_field", null);
        if (title.codePointCount(0, title.length()) > MAX_TITLE) {
            throw Failure.invalid(
                    "Issue", "title", "custom", "title is too long (maximum is " + MAX_TITLE + " characters)");
        }
    }

    private Reply listIssues(Call c) {
        SimRepository r = repo(c);
        Stream<GhModel.Issue> items = r.issues.values().stream().filter(state(c.query("state", "open")));
        String labelFilter = c.query("labels", null);
        if (labelFilter != null) {
            List<String> wanted = List.of(labelFilter.split(","));
            items = items.filter(i ->
                    wanted.stream().allMatch(w -> i.labels.stream().anyMatch(l -> l.equalsIgnoreCase(w.trim()))));
        }
        String creator = c.query("creator", null);
        if (creator != null) items = items.filter(i -> i.user.login.equalsIgnoreCase(creator));
        Instant since = since(c);
        if (since != null) items = items.filter(i -> !i.updatedAt.isBefore(since));
        List<GhModel.Issue> sorted = items.sorted(order(c)).toList();
        GhViews v = views(c);
        return page(c, sorted.stream().map(i -> (JsonNode) v.issue(r, i)).toList());
    }

    static Predicate<GhModel.Issue> state(String state) {
        return switch (state) {
            case "all" -> i -> true;
            case "closed" -> i -> i.state.equals("closed");
            default -> i -> i.state.equals("open");
        };
    }

    private static Comparator<GhModel.Issue> order(Call c) {
        Comparator<GhModel.Issue> by = switch (c.query("sort", "created")) {
            case "updated" -> Comparator.comparing((GhModel.Issue i) -> i.updatedAt);
            case "comments" -> Comparator.comparingInt((GhModel.Issue i) -> i.comments.size());
            default -> Comparator.comparing((GhModel.Issue i) -> i.createdAt);
        };
        by = by.thenComparingInt(i -> i.number);
        return c.query("direction", "desc").equals("asc") ? by : by.reversed();
    }

    private static Instant since(Call c) {
        String since = c.query("since", null);
        if (since == null) return null;
        try {
            return Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw Failure.invalid("Issue", "since", "invalid", "since is not a valid ISO 8601 timestamp");
        }
    }

    private Reply createIssue(Call c) {
        SimRepository r = repo(c);
        JsonNode b = body(c);
        String title = text(b, "title");
        checkTitle(title);
        String text = text(b, "body");
        checkLength("Issue", text);
        List<String> labels = new ArrayList<>();
        for (JsonNode l : b.path("labels")) {
            labels.add(l.isObject() ? l.path("name").asText() : l.asText());
        }
        if (!r.canPush(c.token().user()))
            labels.clear(); // GitHub silently drops labels from people without push access
        GhModel.Issue i = r.createIssue(c.token().user(), title, text, labels);
        ObjectNode json = views(c).issue(r, i);
        return Reply.created(json, json.path("url").asText());
    }

    private Reply getIssue(Call c) {
        SimRepository r = repo(c);
        GhModel.Issue i = issue(c, r);
        return Reply.ok(views(c).issue(r, i), i.updatedAt);
    }

    private Reply updateIssue(Call c) {
        SimRepository r = repo(c);
        GhModel.Issue i = issue(c, r);
        JsonNode b = body(c);
        if (b.has("title")) {
            String title = text(b, "title");
            checkTitle(title);
        }
        if (b.has("body")) checkLength("Issue", text(b, "body"));
        String state = text(b, "state");
        if (state != null && !state.equals("open") && !state.equals("closed")) {
            throw Failure.invalid("Issue", "state", "invalid", null);
        }
        String reason = text(b, "state_reason");
        if (reason != null && !Set.of("completed", "not_planned", "reopened").contains(reason)) {
            throw Failure.invalid("Issue", "state_reason", "invalid", null);
        }
        if (b.has("title")) i.title = text(b, "title");
        if (b.has("body")) i.body = text(b, "body");
        if (b.has("labels")) {
            i.labels.clear();
            for (JsonNode l : b.path("labels")) {
                i.labels.add(r.ensureLabel(l.isObject() ? l.path("name").asText() : l.asText()).name);
            }
        }
        if (state != null) {
            r.setState(i, c.token().user(), state, reason);
        } else if (reason != null && i.state.equals("closed")) {
            r.setState(i, c.token().user(), "closed", reason);
        } else {
            r.touch(i);
        }
        return Reply.ok(views(c).issue(r, i));
    }

    // ---- comments

    private Reply listComments(Call c) {
        SimRepository r = repo(c);
        GhModel.Issue i = issue(c, r);
        Instant since = since(c);
        GhViews v = views(c);
        return page(
                c,
                i.comments.stream()
                        .filter(x -> since == null || !x.updatedAt.isBefore(since))
                        .map(x -> (JsonNode) v.comment(r, x))
                        .toList());
    }

    private Reply listRepoComments(Call c) {
        SimRepository r = repo(c);
        Instant since = since(c);
        Comparator<GhModel.Comment> by = c.query("sort", "created").equals("updated")
                ? Comparator.comparing((GhModel.Comment x) -> x.updatedAt)
                : Comparator.comparing((GhModel.Comment x) -> x.createdAt);
        by = by.thenComparingLong(x -> x.id);
        if (c.query("direction", "asc").equals("desc")) by = by.reversed();
        GhViews v = views(c);
        return page(
                c,
                r.issues.values().stream()
                        .flatMap(i -> i.comments.stream())
                        .filter(x -> since == null || !x.updatedAt.isBefore(since))
                        .sorted(by)
                        .map(x -> (JsonNode) v.comment(r, x))
                        .toList());
    }

    private GhModel.Comment comment(Call c, SimRepository r) {
        long id;
        try {
            id = Long.parseLong(c.param("id"));
        } catch (NumberFormatException e) {
            throw Failure.notFound();
        }
        return r.issues.values().stream()
                .flatMap(i -> i.comments.stream())
                .filter(x -> x.id == id)
                .findFirst()
                .orElseThrow(Failure::notFound);
    }

    private Reply getComment(Call c) {
        SimRepository r = repo(c);
        GhModel.Comment x = comment(c, r);
        return Reply.ok(views(c).comment(r, x), x.updatedAt);
    }

    private Reply updateComment(Call c) {
        SimRepository r = repo(c);
        GhModel.Comment x = comment(c, r);
        String text = text(body(c), "body");
        if (text == null || text.isEmpty()) throw Failure.invalid("IssueComment", "body", "missing_field", null);
        checkLength("IssueComment", text);
        x.body = text;
        x.updatedAt = sim.now();
        return Reply.ok(views(c).comment(r, x));
    }

    private Reply deleteComment(Call c) {
        SimRepository r = repo(c);
        GhModel.Comment x = comment(c, r);
        GhModel.Issue i = r.find(x.issueNumber);
        i.comments.remove(x);
        r.touch(i);
        return Reply.noContent();
    }

    private Reply createComment(Call c) {
        SimRepository r = repo(c);
        GhModel.Issue i = issue(c, r);
        String text = text(body(c), "body");
        if (text == null || text.isEmpty()) throw Failure.invalid("IssueComment", "body", "missing_field", null);
        checkLength("IssueComment", text);
        GhModel.Comment x = r.addComment(i, c.token().user(), text);
        ObjectNode json = views(c).comment(r, x);
        return Reply.created(json, json.path("url").asText());
    }

    // ---- labels

    private Reply listLabels(Call c) {
        SimRepository r = repo(c);
        GhViews v = views(c);
        return page(
                c, r.labels.values().stream().map(l -> (JsonNode) v.label(r, l)).toList());
    }

    private Reply getLabel(Call c) {
        SimRepository r = repo(c);
        GhModel.Label l = r.label(c.param("name"));
        if (l == null) throw Failure.notFound();
        return Reply.ok(views(c).label(r, l));
    }

    private Reply createLabel(Call c) {
        SimRepository r = repo(c);
        JsonNode b = body(c);
        String name = text(b, "name");
        if (name == null || name.isBlank()) throw Failure.invalid("Label", "name", "missing_field", null);
        String color = text(b, "color");
        if (color == null) color = "ededed";
        if (color.startsWith("#")) color = color.substring(1);
        if (!color.matches("[0-9a-fA-F]{6}")) throw Failure.invalid("Label", "color", "invalid", null);
        if (r.label(name) != null) throw Failure.invalid("Label", "name", "already_exists", null);
        GhModel.Label l = r.newLabel(name, color.toLowerCase(Locale.ROOT), text(b, "description"));
        ObjectNode json = views(c).label(r, l);
        return Reply.created(json, json.path("url").asText());
    }

    private Reply listIssueLabels(Call c) {
        SimRepository r = repo(c);
        GhModel.Issue i = issue(c, r);
        return Reply.ok(issueLabels(c, r, i));
    }

    private ArrayNode issueLabels(Call c, SimRepository r, GhModel.Issue i) {
        ArrayNode a = GhJson.arr();
        GhViews v = views(c);
        for (String name : i.labels) a.add(v.label(r, r.label(name)));
        return a;
    }

    /** POST adds, PUT replaces; the body is {@code {"labels": [...]}} or a bare array, as GitHub accepts both. */
    private Reply setIssueLabels(Call c, boolean replace) {
        SimRepository r = repo(c);
        GhModel.Issue i = issue(c, r);
        JsonNode b = body(c);
        JsonNode list = b.isArray() ? b : b.path("labels");
        if (!list.isArray()) throw Failure.invalid("Label", "labels", "missing_field", null);
        if (replace) i.labels.clear();
        for (JsonNode l : list) {
            i.labels.add(r.ensureLabel(l.isObject() ? l.path("name").asText() : l.asText()).name);
        }
        r.touch(i);
        return Reply.ok(issueLabels(c, r, i));
    }

    private Reply removeIssueLabel(Call c) {
        SimRepository r = repo(c);
        GhModel.Issue i = issue(c, r);
        GhModel.Label l = r.label(c.param("name"));
        if (l == null || !i.labels.remove(l.name)) {
            throw new Failure(404, GitHubServer.message("Label does not exist", GitHubServer.DOCS, 404));
        }
        r.touch(i);
        return Reply.ok(issueLabels(c, r, i));
    }

    // ---- reactions

    private Reply listReactions(Call c) {
        SimRepository r = repo(c);
        GhModel.Issue i = issue(c, r);
        String content = c.query("content", null);
        GhViews v = views(c);
        return page(
                c,
                i.reactions.stream()
                        .filter(x -> content == null || x.content.equals(content))
                        .map(x -> (JsonNode) v.reaction(x))
                        .toList());
    }

    private Reply createReaction(Call c) {
        SimRepository r = repo(c);
        GhModel.Issue i = issue(c, r);
        String content = text(body(c), "content");
        if (content == null || !SimRepository.REACTIONS.contains(content)) {
            throw Failure.invalid("Reaction", "content", "invalid", null);
        }
        SimRepository.ReactionResult result = r.addReaction(i, c.token().user(), content);
        ObjectNode json = views(c).reaction(result.reaction());
        return result.created() ? new Reply(201, json, Map.of(), null) : Reply.ok(json);
    }

    private Reply deleteReaction(Call c) {
        SimRepository r = repo(c);
        GhModel.Issue i = issue(c, r);
        String id = c.param("id");
        boolean removed = i.reactions.removeIf(x -> Long.toString(x.id).equals(id));
        if (!removed) throw Failure.notFound();
        return Reply.noContent();
    }

    // ---- helpers

    static JsonNode body(Call c) {
        if (c.body() == null) {
            throw new Failure(400, GitHubServer.message("Problems parsing JSON", GitHubServer.DOCS, 400));
        }
        return c.body();
    }

    static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static void checkLength(String resource, String text) {
        if (text != null && text.codePointCount(0, text.length()) > MAX_BODY) {
            throw Failure.invalid(
                    resource, "body", "custom", "body is too long (maximum is " + MAX_BODY + " characters)");
        }
    }

    /** One page of {@code items} with GitHub's Link header ({@code per_page} default 30, at most 100). */
    static Reply page(Call c, List<JsonNode> items) {
        int perPage = Math.max(1, Math.min(100, parse(c.query("per_page", "30"), 30)));
        int page = Math.max(1, parse(c.query("page", "1"), 1));
        int last = Math.max(1, (items.size() + perPage - 1) / perPage);
        ArrayNode body = GhJson.arr();
        int from = Math.min(items.size(), (page - 1) * perPage);
        items.subList(from, Math.min(items.size(), from + perPage)).forEach(body::add);
        List<String> links = new ArrayList<>();
        if (page < last) {
            links.add("<" + pageUrl(c, page + 1) + ">; rel=\"next\"");
            links.add("<" + pageUrl(c, last) + ">; rel=\"last\"");
        }
        if (page > 1) {
            links.add("<" + pageUrl(c, 1) + ">; rel=\"first\"");
            links.add("<" + pageUrl(c, Math.min(page - 1, last)) + ">; rel=\"prev\"");
        }
        Reply reply = Reply.ok(body);
        return links.isEmpty() ? reply : reply.withHeader("Link", String.join(", ", links));
    }

    private static String pageUrl(Call c, int page) {
        Map<String, String> query = new LinkedHashMap<>(c.query());
        query.put("page", Integer.toString(page));
        StringBuilder url = new StringBuilder(c.baseUrl()).append(c.path()).append('?');
        query.forEach((k, v) -> url.append(enc(k)).append('=').append(enc(v)).append('&'));
        url.setLength(url.length() - 1);
        return url.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static int parse(String s, int fallback) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
