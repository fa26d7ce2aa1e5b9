package dev.loop.release;

import dev.loop.core.text.Chunker;
import dev.loop.core.text.Safe;
import dev.loop.issue.Place;
import dev.loop.issue.Requester;
import dev.loop.release.Notice.DmNotice;
import dev.loop.release.Notice.ThreadNotice;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who is told what when a release ships.
 *
 * <p>In {@link DeliveryMode#DM DM} mode every requester gets one DM listing all of their issues in the release,
 * with the version and the announcement link.
 *
 * <p>In {@link DeliveryMode#THREAD THREAD} mode each requester is mentioned in the thread they asked in (the place
 * their requester row points at). A thread's message lists the release's issues brought up there and mentions
 * their requesters, each once, split into chunks of at most 2,000 characters and 100 mentions (Discord's content
 * and {@code allowed_mentions.users} limits); every chunk repeats the issue list so it reads on its own. A person
 * with no thread to be mentioned in (added by a button, by hand, or from GitHub) gets a DM for those issues instead,
 * so every (person, issue) pair is told exactly once.
 *
 * <p>The plan is deterministic: the same input always gives the same messages in the same order with the same
 * nonces, which is what lets a delivery worker resume after a crash without double-posting.
 */
public final class NoticePlan {

    /** Discord's cap on users in {@code allowed_mentions}; more mentions in one message would not ping. */
    public static final int MAX_MENTIONS = 100;

    static final int TITLE_LIMIT = 100;
    static final int VERSION_LIMIT = 64;
    /** Room kept for mentions under a thread message's issue list. */
    static final int HEADER_LIMIT = 1200;
    /**
     * Room reserved for the announcement link when splitting mentions into chunks. The link is only known once the
     * announcement is posted, after the outbox was written; reserving the longest a message link can be keeps the
     * chunks (and so the nonces) the same whether the plan is made at publish time or again after a restart.
     */
    static final int URL_ROOM = 100;

    private final long releaseId;
    private final String version;
    private final String announcementUrl;
    private final DeliveryMode mode;
    private final Map<Integer, ShippedIssue> issues;
    private final List<ThreadNotice> threadNotices;
    private final List<DmNotice> dmNotices;
    private final Map<Long, List<Integer>> dmIssuesByUser;
    private final Map<Long, Map<Long, List<Integer>>> threadIssuesByUser;
    private final Map<Long, Long> fallbackThreadByUser;

    private NoticePlan(
            long releaseId,
            String version,
            String announcementUrl,
            DeliveryMode mode,
            Map<Integer, ShippedIssue> issues,
            List<ThreadNotice> threadNotices,
            List<DmNotice> dmNotices,
            Map<Long, List<Integer>> dmIssuesByUser,
            Map<Long, Map<Long, List<Integer>>> threadIssuesByUser,
            Map<Long, Long> fallbackThreadByUser) {
        this.releaseId = releaseId;
        this.version = version;
        this.announcementUrl = announcementUrl;
        this.mode = mode;
        this.issues = issues;
        this.threadNotices = threadNotices;
        this.dmNotices = dmNotices;
        this.dmIssuesByUser = dmIssuesByUser;
        this.threadIssuesByUser = threadIssuesByUser;
        this.fallbackThreadByUser = fallbackThreadByUser;
    }

    /** One outbox row: a person, where they are told, and the nonce of the message that tells them. */
    public record Recipient(long userId, Route route, Long targetChannelId, String nonce, List<Integer> issueNumbers) {
        public Recipient {
            issueNumbers = List.copyOf(issueNumbers);
        }
    }

    /**
     * Plans the notices for a release.
     *
     * @param releaseId       the release's id; part of every nonce
     * @param version         as the engineer typed it; shown escaped
     * @param announcementUrl the jump link of the announcement in the releases channel
     */
    public static NoticePlan plan(
            long releaseId, String version, String announcementUrl, DeliveryMode mode, List<ShippedIssue> shipped) {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(announcementUrl, "announcementUrl");
        Objects.requireNonNull(mode, "mode");
        Map<Integer, ShippedIssue> issues = new TreeMap<>();
        for (ShippedIssue i : shipped) issues.put(i.number(), i);
        Map<Long, Place> placesById = new LinkedHashMap<>();
        for (ShippedIssue i : issues.values()) for (Place p : i.places()) placesById.put(p.id(), p);

        // thread → user → issues, and user → issues told by DM; tree maps keep everything in a stable order
        Map<Long, Map<Long, TreeSet<Integer>>> byThread = new TreeMap<>();
        Map<Long, TreeSet<Integer>> byDm = new TreeMap<>();
        Map<Long, Long> fallbackThread = new TreeMap<>();
        for (ShippedIssue issue : issues.values()) {
            Optional<Long> issueThread = issue.places().stream()
                    .filter(NoticePlan::isThreadLike)
                    .min(Comparator.comparingLong(Place::id))
                    .map(Place::channelId);
            for (Requester r : issue.requesters()) {
                if (!r.toldOnDiscord()) continue; // GitHub requesters hear it on the GitHub issue; erased people don't
                Optional<Long> own = Optional.ofNullable(r.placeId())
                        .map(placesById::get)
                        .filter(NoticePlan::isThreadLike)
                        .map(Place::channelId);
                own.or(() -> issueThread).ifPresent(t -> fallbackThread.putIfAbsent(r.userId(), t));
                if (mode == DeliveryMode.THREAD && own.isPresent()) {
                    byThread.computeIfAbsent(own.get(), k -> new TreeMap<>())
                            .computeIfAbsent(r.userId(), k -> new TreeSet<>())
                            .add(issue.number());
                } else {
                    byDm.computeIfAbsent(r.userId(), k -> new TreeSet<>()).add(issue.number());
                }
            }
        }

        String safeVersion = Safe.inline(version, VERSION_LIMIT);
        List<ThreadNotice> threadNotices = new ArrayList<>();
        Map<Long, Map<Long, List<Integer>>> threadIssuesByUser = new TreeMap<>();
        for (var t : byThread.entrySet()) {
            long threadId = t.getKey();
            TreeSet<Integer> threadIssues = new TreeSet<>();
            t.getValue().values().forEach(threadIssues::addAll);
            List<Integer> numbers = List.copyOf(threadIssues);
            String header = threadHeader(safeVersion, announcementUrl, titles(issues, numbers));
            int reserved = threadHeader(
                            safeVersion,
                            "x".repeat(Math.max(URL_ROOM, announcementUrl.length())),
                            titles(issues, numbers))
                    .length();
            List<Long> users = List.copyOf(t.getValue().keySet());
            List<List<Long>> groups =
                    Chunker.pack(users, NoticePlan::mention, " ", reserved + 1, Chunker.MESSAGE_LIMIT, MAX_MENTIONS);
            for (int c = 0; c < groups.size(); c++) {
                List<Long> group = groups.get(c);
                String content = header + "\n"
                        + String.join(
                                " ", group.stream().map(NoticePlan::mention).toList());
                threadNotices.add(new ThreadNotice(
                        threadId, c, groups.size(), group, numbers, content, Nonces.thread(releaseId, threadId, c)));
            }
            for (var u : t.getValue().entrySet()) {
                threadIssuesByUser
                        .computeIfAbsent(u.getKey(), k -> new TreeMap<>())
                        .put(threadId, List.copyOf(u.getValue()));
            }
        }

        List<DmNotice> dmNotices = new ArrayList<>();
        Map<Long, List<Integer>> dmIssuesByUser = new TreeMap<>();
        for (var u : byDm.entrySet()) {
            List<Integer> numbers = List.copyOf(u.getValue());
            dmIssuesByUser.put(u.getKey(), numbers);
            dmNotices.add(new DmNotice(
                    u.getKey(),
                    numbers,
                    dmText(safeVersion, announcementUrl, titles(issues, numbers)),
                    Nonces.dm(releaseId, u.getKey())));
        }
        return new NoticePlan(
                releaseId,
                version,
                announcementUrl,
                mode,
                issues,
                List.copyOf(threadNotices),
                List.copyOf(dmNotices),
                dmIssuesByUser,
                threadIssuesByUser,
                fallbackThread);
    }

    /**
     * Places a notice can be posted in: threads and forum posts, and the channel of a single captured message.
     * GitHub places, or rows without a channel, are not.
     */
    static boolean isThreadLike(Place p) {
        return p != null && p.channelId() != null && p.kind() != Place.PlaceKind.GITHUB;
    }

    public long releaseId() {
        return releaseId;
    }

    public DeliveryMode mode() {
        return mode;
    }

    public List<ThreadNotice> threadNotices() {
        return threadNotices;
    }

    public List<DmNotice> dmNotices() {
        return dmNotices;
    }

    /** Every message, thread messages first, each list in its stable order. */
    public List<Notice> all() {
        List<Notice> all = new ArrayList<>(threadNotices);
        all.addAll(dmNotices);
        return List.copyOf(all);
    }

    /**
     * The outbox rows: one per (person, target). A DM row's channel is null until the DM channel is opened.
     * Rows for the people in one thread chunk share that chunk's nonce.
     */
    public List<Recipient> recipients() {
        List<Recipient> rows = new ArrayList<>();
        for (ThreadNotice n : threadNotices) {
            for (long user : n.userIds()) {
                rows.add(new Recipient(
                        user,
                        Route.THREAD,
                        n.threadId(),
                        n.nonce(),
                        threadIssuesByUser.get(user).get(n.threadId())));
            }
        }
        for (DmNotice n : dmNotices) rows.add(new Recipient(n.userId(), Route.DM, null, n.nonce(), n.issueNumbers()));
        return List.copyOf(rows);
    }

    /**
     * The thread mention to send when this person's DM was refused (Discord 50007): their own thread, or else the
     * first source thread of their first issue. Empty when none of their issues has a thread.
     */
    public Optional<ThreadNotice> fallbackToThread(long userId) {
        List<Integer> numbers = dmIssuesByUser.get(userId);
        Long thread = fallbackThreadByUser.get(userId);
        if (numbers == null || thread == null) return Optional.empty();
        String header = threadHeader(Safe.inline(version, VERSION_LIMIT), announcementUrl, titles(issues, numbers));
        return Optional.of(new ThreadNotice(
                thread,
                0,
                1,
                List.of(userId),
                numbers,
                header + "\n" + mention(userId),
                Nonces.threadFallback(releaseId, userId)));
    }

    /**
     * The DM to send instead of this person's mention in {@code threadId} when the thread was deleted or is
     * locked. Empty when the person was not to be told in that thread.
     */
    public Optional<DmNotice> fallbackToDm(long userId, long threadId) {
        List<Integer> numbers =
                threadIssuesByUser.getOrDefault(userId, Map.of()).get(threadId);
        if (numbers == null) return Optional.empty();
        return Optional.of(new DmNotice(
                userId,
                numbers,
                dmText(Safe.inline(version, VERSION_LIMIT), announcementUrl, titles(issues, numbers)),
                Nonces.dmFallback(releaseId, userId, threadId)));
    }

    /**
     * The thread message for {@code users} in {@code threadId} with {@code nonce}: the issue list of the thread in
     * this release (none if the plan has no notice there) and the mentions. The delivery worker sends the people an
     * outbox chunk holds, so a chunk stays exactly what was stored at publish time; the issue list is shortened if
     * it would not fit next to the mentions.
     */
    public ThreadNotice threadMessage(long threadId, List<Long> users, String nonce) {
        List<Integer> numbers = threadNotices.stream()
                .filter(n -> n.threadId() == threadId)
                .findFirst()
                .map(ThreadNotice::issueNumbers)
                .orElse(List.of());
        String mentions =
                String.join(" ", users.stream().map(NoticePlan::mention).toList());
        int room = Math.min(HEADER_LIMIT, Chunker.MESSAGE_LIMIT - 1 - mentions.length());
        String header = compose(
                "🚀 Shipped in **" + Safe.inline(version, VERSION_LIMIT) + "**, thanks for asking:",
                titles(issues, numbers),
                "Announcement: " + announcementUrl,
                room);
        return new ThreadNotice(threadId, 0, 1, users, numbers, header + "\n" + mentions, nonce);
    }

    static String mention(long userId) {
        return "<@" + Long.toUnsignedString(userId) + ">";
    }

    private static List<String> titles(Map<Integer, ShippedIssue> issues, List<Integer> numbers) {
        return numbers.stream()
                .map(n -> "• #" + n + " " + Safe.inline(issues.get(n).title(), TITLE_LIMIT))
                .toList();
    }

    static String threadHeader(String safeVersion, String url, List<String> bullets) {
        return compose(
                "🚀 Shipped in **" + safeVersion + "**, thanks for asking:",
                bullets,
                "Announcement: " + url,
                HEADER_LIMIT);
    }

    static String dmText(String safeVersion, String url, List<String> bullets) {
        return compose(
                "🚀 **" + safeVersion + "** is out, with what you asked for:",
                bullets,
                "Announcement: " + url,
                Chunker.MESSAGE_LIMIT);
    }

    /** First line, as many bullets as fit, an "and N more" line if some did not, last line; within {@code limit}. */
    private static String compose(String first, List<String> bullets, String last, int limit) {
        StringBuilder sb = new StringBuilder(first);
        int room = limit - first.length() - 1 - last.length();
        for (int i = 0; i < bullets.size(); i++) {
            String more = "• …and " + (bullets.size() - i - 1) + " more (see the announcement)";
            String line = bullets.get(i);
            boolean lastBullet = i == bullets.size() - 1;
            int needed = 1 + line.length() + (lastBullet ? 0 : 1 + more.length());
            if (needed > room) {
                sb.append("\n• …and ").append(bullets.size() - i).append(" more (see the announcement)");
                break;
            }
            sb.append('\n').append(line);
            room -= 1 + line.length();
        }
        return sb.append('\n').append(last).toString();
    }
}
