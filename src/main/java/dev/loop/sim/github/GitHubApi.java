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
    private static final String REPO = "/repos/{owner}/{repo}";

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
        s.route("GET", REPO + "/issues/{number}/timeline", "issues", "core", this::timeline);
        s.route("GET", REPO + "/issues/{number}/labels", "issues", "core", this::listIssueLabels);
        s.route("POST", REPO + "/issues/{number}/labels", "issues", "core", c -> setIssueLabels(c, false));
        s.route("PUT", REPO + "/issues/{number}/labels", "issues", "core", c -> setIssueLabels(c, true));
        s.route("DELETE", REPO + "/issues/{number}/labels/{name}", "issues", "core", this::removeIssueLabel);
        s.route("GET", REPO + "/issues/{number}/reactions", "issues", "core", this::listReactions);
        s.route("POST", REPO + "/issues/{number}/reactions", "issues", "core", this::createReaction);
        s.route("DELETE", REPO + "/issues/{number}/reactions/{id}", "issues", "core", this::deleteReaction);
        s.route("GET", REPO + "/labels", "issues", "core", this::listLabels);
        s.route("POST", REPO + "/labels", "issues", "core", this::createLabel);
        s.route("GET", REPO + "/labels/{name}", "issues", "core", this::getLabel);
        s.route("GET", REPO + "/pulls", "pull_requests", "core", this::listPulls);
        s.route("GET", REPO + "/pulls/{number}", "pull_requests", "core", this::getPull);
        s.route("GET", REPO + "/releases", "contents", "core", this::listReleases);
        s.route("GET", REPO + "/releases/latest", "contents", "core", this::latestRelease);
        s.route("GET", REPO + "/releases/tags/{tag}", "contents", "core", this::releaseByTag);
        s.route("GET", REPO + "/releases/{id}", "contents", "core", this::releaseById);
        s.route("GET", REPO + "/compare/{basehead...}", "contents", "core", this::compare);
        s.route("GET", REPO + "/commits/{ref}", "contents", "core", this::getCommit);
        s.route("GET", REPO + "/tags", "contents", "core", this::listTags);
        s.route("GET", "/search/issues", null, "search", this::searchIssues);
    }

    private GhViews views(Call c) {
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

    private SimRepository repo(Call c) {
        SimRepository r = sim.findRepo(c.param("owner"), c.param("repo"));
        if (r == null) throw Failure.notFound();
        return r;
    }

    private Reply getRepo(Call c) {
        SimRepository r = repo(c);
        return Reply.ok(views(c).repo(r, c.token().user()), r.updatedAt);
    }

    // ---- issues

    private GhModel.Issue issue(Call c, SimRepository r) {
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

    private static Predicate<GhModel.Issue> state(String state) {
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

    /**
     * A small part of the timeline: {@code cross-referenced} events for the pull requests whose title or body
     * mention the issue, {@code commented} events, and {@code closed} / {@code reopened} as they stand now.
     */
    private Reply timeline(Call c) {
        SimRepository r = repo(c);
        GhModel.Issue i = issue(c, r);
        GhViews v = views(c);
        java.util.regex.Pattern mention = java.util.regex.Pattern.compile(
                "(?i)(?:^|[^\\w/])(?:" + java.util.regex.Pattern.quote(r.fullName()) + ")?#" + i.number + "\\b");
        List<Map.Entry<Instant, ObjectNode>> events = new ArrayList<>();
        for (GhModel.Issue other : r.issues.values()) {
            if (other == i || other.pull == null) continue;
            String text = other.title + "\n" + (other.body == null ? "" : other.body);
            if (mention.matcher(text).find()) {
                ObjectNode e = GhJson.obj();
                e.put("event", "cross-referenced");
                e.set("actor", v.user(other.user));
                GhJson.time(e, "created_at", other.createdAt);
                GhJson.time(e, "updated_at", other.updatedAt);
                ObjectNode source = e.putObject("source");
                source.put("type", "issue");
                ObjectNode issueJson = v.issue(r, other);
                issueJson.set("repository", v.repo(r, null));
                source.set("issue", issueJson);
                events.add(Map.entry(other.createdAt, e));
            }
        }
        for (GhModel.Comment x : i.comments) {
            ObjectNode e = v.comment(r, x);
            e.put("event", "commented");
            e.set("actor", v.user(x.user));
            events.add(Map.entry(x.createdAt, e));
        }
        if (i.closedAt != null) {
            ObjectNode e = GhJson.obj();
            e.put("id", Math.abs((i.id + ":" + i.closedAt).hashCode()));
            e.put("event", "closed");
            e.set("actor", v.user(i.closedBy));
            if (i.pull != null && i.pull.mergeCommitSha != null) e.put("commit_id", i.pull.mergeCommitSha);
            else e.putNull("commit_id");
            GhJson.time(e, "created_at", i.closedAt);
            if (i.stateReason == null) e.putNull("state_reason");
            else e.put("state_reason", i.stateReason);
            events.add(Map.entry(i.closedAt, e));
        }
        events.sort(Map.Entry.comparingByKey());
        return page(c, events.stream().map(e -> (JsonNode) e.getValue()).toList());
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

    // ---- pulls

    private Reply listPulls(Call c) {
        SimRepository r = repo(c);
        Stream<GhModel.Issue> items =
                r.issues.values().stream().filter(i -> i.pull != null).filter(state(c.query("state", "open")));
        String base = c.query("base", null);
        if (base != null) items = items.filter(i -> i.pull.baseRef.equals(base));
        Comparator<GhModel.Issue> by = c.query("sort", "created").equals("updated")
                ? Comparator.comparing((GhModel.Issue i) -> i.updatedAt)
                : Comparator.comparing((GhModel.Issue i) -> i.createdAt);
        by = by.thenComparingInt(i -> i.number);
        if (!c.query("direction", "desc").equals("asc")) by = by.reversed();
        GhViews v = views(c);
        return page(c, items.sorted(by).map(i -> (JsonNode) v.pull(r, i)).toList());
    }

    private Reply getPull(Call c) {
        SimRepository r = repo(c);
        GhModel.Issue i = issue(c, r);
        if (i.pull == null) throw Failure.notFound();
        return Reply.ok(views(c).pull(r, i), i.updatedAt);
    }

    // ---- releases, commits, tags, compare

    private List<GhModel.Release> visibleReleases(Call c, SimRepository r) {
        boolean push = r.canPush(c.token().user());
        List<GhModel.Release> list = new ArrayList<>(r.releases);
        list.removeIf(x -> x.draft && !push);
        list.sort(Comparator.comparing((GhModel.Release x) -> x.createdAt)
                .thenComparingLong(x -> x.id)
                .reversed());
        return list;
    }

    private Reply listReleases(Call c) {
        SimRepository r = repo(c);
        GhViews v = views(c);
        return page(
                c,
                visibleReleases(c, r).stream()
                        .map(x -> (JsonNode) v.release(r, x))
                        .toList());
    }

    /** The latest is the most recently published release that is neither a draft nor a pre-release. */
    private Reply latestRelease(Call c) {
        SimRepository r = repo(c);
        GhModel.Release latest = r.releases.stream()
                .filter(x -> !x.draft && !x.prerelease)
                .max(Comparator.comparing((GhModel.Release x) -> x.publishedAt).thenComparingLong(x -> x.id))
                .orElseThrow(Failure::notFound);
        return Reply.ok(views(c).release(r, latest));
    }

    private Reply releaseByTag(Call c) {
        SimRepository r = repo(c);
        GhModel.Release x = visibleReleases(c, r).stream()
                .filter(rel -> !rel.draft && rel.tag.equals(c.param("tag")))
                .findFirst()
                .orElseThrow(Failure::notFound);
        return Reply.ok(views(c).release(r, x));
    }

    private Reply releaseById(Call c) {
        SimRepository r = repo(c);
        GhModel.Release x = visibleReleases(c, r).stream()
                .filter(rel -> Long.toString(rel.id).equals(c.param("id")))
                .findFirst()
                .orElseThrow(Failure::notFound);
        return Reply.ok(views(c).release(r, x));
    }

    private Reply getCommit(Call c) {
        SimRepository r = repo(c);
        String sha = r.resolve(c.param("ref"));
        if (sha == null) {
            throw new Failure(
                    422, GitHubServer.message("No commit found for SHA: " + c.param("ref"), GitHubServer.DOCS, 422));
        }
        return Reply.ok(views(c).commit(r, r.commits.get(sha)));
    }

    private Reply listTags(Call c) {
        SimRepository r = repo(c);
        List<JsonNode> items = new ArrayList<>();
        List<Map.Entry<String, String>> tags = new ArrayList<>(r.tags.entrySet());
        java.util.Collections.reverse(tags);
        for (Map.Entry<String, String> t : tags) {
            ObjectNode n = GhJson.obj();
            n.put("name", t.getKey());
            ObjectNode commit = n.putObject("commit");
            commit.put("sha", t.getValue());
            commit.put("url", views(c).repoUrl(r) + "/commits/" + t.getValue());
            n.put("zipball_url", views(c).repoUrl(r) + "/zipball/refs/tags/" + t.getKey());
            n.put("tarball_url", views(c).repoUrl(r) + "/tarball/refs/tags/" + t.getKey());
            n.put("node_id", GhViews.nodeId("Ref", t.getKey().hashCode()));
            items.add(n);
        }
        return page(c, items);
    }

    private Reply compare(Call c) {
        SimRepository r = repo(c);
        String basehead = c.param("basehead");
        int dots = basehead.indexOf("...");
        if (dots < 0) throw Failure.notFound();
        String base = r.resolve(basehead.substring(0, dots));
        String head = r.resolve(basehead.substring(dots + 3));
        if (base == null || head == null) throw Failure.notFound();
        Set<String> baseSet = r.ancestors(base);
        Set<String> headSet = r.ancestors(head);
        List<GhModel.Commit> ahead = r.only(headSet, baseSet);
        List<GhModel.Commit> behind = r.only(baseSet, headSet);
        String status = ahead.isEmpty() && behind.isEmpty()
                ? "identical"
                : behind.isEmpty() ? "ahead" : ahead.isEmpty() ? "behind" : "diverged";
        GhViews v = views(c);
        String url = v.repoUrl(r) + "/compare/" + basehead;
        String html = sim.htmlBase + "/" + r.fullName() + "/compare/" + basehead;
        ObjectNode n = GhJson.obj();
        n.put("url", url);
        n.put("html_url", html);
        n.put("permalink_url", sim.htmlBase + "/" + r.fullName() + "/compare/" + base + "..." + head);
        n.put("diff_url", html + ".diff");
        n.put("patch_url", html + ".patch");
        n.set("base_commit", v.commit(r, r.commits.get(base)));
        n.set("merge_base_commit", v.commit(r, r.mergeBase(baseSet, headSet)));
        n.put("status", status);
        n.put("ahead_by", ahead.size());
        n.put("behind_by", behind.size());
        n.put("total_commits", ahead.size());
        ArrayNode commits = n.putArray("commits");
        for (GhModel.Commit x : ahead) commits.add(v.commit(r, x));
        n.putArray("files");
        return Reply.ok(n);
    }

    // ---- search

    /**
     * A small subset of GitHub's issue search: {@code repo:}, {@code is:issue|pr|open|closed}, {@code state:},
     * {@code label:}, {@code author:}, and free words that must all appear in the title or body.
     */
    private Reply searchIssues(Call c) {
        String q = c.query("q", null);
        if (q == null || q.isBlank()) throw Failure.invalid("Search", "q", "missing", null);
        List<Predicate<GhModel.Issue>> filters = new ArrayList<>();
        List<SimRepository> scope = new ArrayList<>(sim.repos());
        Instant indexed = sim.now().minus(sim.limits().searchIndexLag());
        filters.add(i -> !i.updatedAt.isAfter(indexed));
        for (String term : terms(q)) {
            String t = term.toLowerCase(Locale.ROOT);
            if (t.startsWith("repo:")) {
                scope.removeIf(r -> !r.fullName().equalsIgnoreCase(term.substring(5)));
            } else if (t.equals("is:issue") || t.equals("type:issue")) {
                filters.add(i -> i.pull == null);
            } else if (t.equals("is:pr") || t.equals("type:pr")) {
                filters.add(i -> i.pull != null);
            } else if (t.equals("is:open") || t.equals("state:open")) {
                filters.add(i -> i.state.equals("open"));
            } else if (t.equals("is:closed") || t.equals("state:closed")) {
                filters.add(i -> i.state.equals("closed"));
            } else if (t.startsWith("label:")) {
                String label = unquote(term.substring(6));
                filters.add(i -> i.labels.stream().anyMatch(l -> l.equalsIgnoreCase(label)));
            } else if (t.startsWith("author:")) {
                String author = term.substring(7);
                filters.add(i -> i.user.login.equalsIgnoreCase(author));
            } else if (!t.startsWith("in:")) {
                String word = unquote(t);
                filters.add(i -> (i.title + "\n" + (i.body == null ? "" : i.body))
                        .toLowerCase(Locale.ROOT)
                        .contains(word));
            }
        }
        List<JsonNode> items = new ArrayList<>();
        for (SimRepository r : scope) {
            GhViews v = views(c);
            r.issues.values().stream()
                    .filter(i -> filters.stream().allMatch(f -> f.test(i)))
                    .sorted(Comparator.comparing((GhModel.Issue i) -> i.createdAt)
                            .reversed())
                    .forEach(i -> {
                        ObjectNode n = v.issue(r, i);
                        n.put("score", 1.0);
                        items.add(n);
                    });
        }
        Reply page = page(c, items);
        ObjectNode body = GhJson.obj();
        body.put("total_count", items.size());
        body.put("incomplete_results", false);
        body.set("items", page.body());
        return new Reply(200, body, page.headers(), null);
    }

    /** Splits a query on spaces, keeping quoted phrases (and {@code label:"two words"}) whole. */
    private static List<String> terms(String q) {
        List<String> terms = new ArrayList<>();
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("[^\\s\"]*\"[^\"]*\"|\\S+").matcher(q);
        while (m.find()) terms.add(m.group());
        return terms;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    // ---- helpers

    private static JsonNode body(Call c) {
        if (c.body() == null) {
            throw new Failure(400, GitHubServer.message("Problems parsing JSON", GitHubServer.DOCS, 400));
        }
        return c.body();
    }

    private static String text(JsonNode body, String field) {
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
    private static Reply page(Call c, List<JsonNode> items) {
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
