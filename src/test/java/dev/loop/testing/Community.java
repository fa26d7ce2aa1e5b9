package dev.loop.testing;

import dev.loop.app.Features;
import dev.loop.core.Database;
import dev.loop.core.Feature;
import dev.loop.core.Loop;
import dev.loop.core.MovableClock;
import dev.loop.core.Services;
import dev.loop.core.config.Config;
import dev.loop.core.config.ConfigLoader;
import dev.loop.core.config.ConfigYaml;
import dev.loop.github.GitHubFeature;
import dev.loop.issue.HistoryEntry;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueStore;
import dev.loop.issue.NewIssue;
import dev.loop.issue.NewPlace;
import dev.loop.issue.Place;
import dev.loop.issue.Requester;
import dev.loop.issue.TranscriptLine;
import dev.loop.naming.NamingFeature;
import dev.loop.naming.NamingPollStore;
import dev.loop.sim.Sim;
import dev.loop.sim.SimChannel;
import dev.loop.sim.SimGuild;
import dev.loop.sim.SimMember;
import dev.loop.sim.SimMessage;
import dev.loop.sim.SimOptions;
import dev.loop.sim.SimRole;
import dev.loop.sim.github.GitHubSim;
import dev.loop.sim.github.SimRepository;
import dev.loop.stats.StatsFeature;
import dev.loop.watch.SupportThreadStore;
import dev.loop.watch.WatchFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.requests.RestConfig;
import org.jooq.Condition;
import org.jooq.Table;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The simulated community every end-to-end test plays in: the real Loop (every feature unless told otherwise) on a
 * fresh SQLite file, against the Discord simulator, in a guild with a support forum, a text support channel, team
 * and releases channels, engineers erin and olga (olga owns the Installer area) and members alice, bob and carol.
 *
 * <p>A test class declares it once and then only tells its stories:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final Community c = Community.at("2026-11-04T10:00:00Z").yaml("naming:\n  poll-duration: 24h\n").build();
 * ...
 * c.alice.postInForum(c.support, "Crash on start", "It crashes", "installer");
 * }</pre>
 *
 * As an extension it starts before the class's first test and closes after its last; {@link Builder#start()}
 * gives a started one to close by hand. Time is a {@link MovableClock} stopped at the given instant, unless the
 * test asks for the real clock.
 *
 * <p>With {@link Builder#github(String, GitHubFeature.Tuning)} the community also has a GitHub: the GitHub simulator
 * on the same clock, the repository {@value #GITHUB_REPO} that Loop writes to as {@value #GITHUB_BOT}, and Loop
 * configured to sync with it.
 */
public final class Community implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    /** The repository a community with GitHub syncs with. */
    public static final String GITHUB_REPO = "acme/widget";
    /** The GitHub account Loop acts as: a collaborator of {@link #GITHUB_REPO}. */
    public static final String GITHUB_BOT = "loop-bot";

    private final Builder spec;

    public MovableClock clock;
    public Sim sim;
    public SimGuild guild;
    /** The support forum. */
    public SimChannel support;
    /** A plain text support channel: support conversations are threads started from its messages. */
    public SimChannel help;

    public SimChannel team;
    public SimChannel releases;
    public SimRole engineers;
    /** The on-call leadership role, when the builder asked for {@link Builder#leadership()}; null otherwise. */
    public SimRole leadership;

    public SimMember erin;
    public SimMember olga;
    public SimMember alice;
    public SimMember bob;
    public SimMember carol;
    /** The GitHub simulator, when the community has a GitHub (else null). */
    public GitHubSim github;
    /** {@link #GITHUB_REPO} in the GitHub simulator, when the community has a GitHub (else null). */
    public SimRepository repo;

    public Path dir;
    public Database db;
    public Config config;
    private Loop loop;
    private volatile List<Feature> features;

    private Community(Builder spec) {
        this.spec = spec;
    }

    /** A community whose hand-moved clock stands at {@code instant} (ISO-8601). */
    public static Builder at(String instant) {
        return new Builder(Instant.parse(instant));
    }

    /** How a test wants its community; every setting has the default most tests use. */
    public static final class Builder {
        private final Instant start;
        private String yaml = "";
        private List<String> forumTags = List.of("installer", "sync");
        private String helpName = "help";
        private boolean realClock;
        private UnaryOperator<SimOptions> simOptions = o -> o;
        private Function<Services, List<Feature>> features = Features::all;
        private Consumer<JDABuilder> jda = b -> {};
        private boolean unpacedRest;
        private boolean withLoop = true;
        private String githubYaml;
        private boolean installerArea = true;
        private boolean leadership;

        private Builder(Instant start) {
            this.start = start;
        }

        /** loop.yaml beyond the required sections and the Installer area. */
        public Builder yaml(String extra) {
            this.yaml = extra;
            return this;
        }

        /** The support forum's tags (default installer and sync). */
        public Builder forumTags(String... tags) {
            this.forumTags = List.of(tags);
            return this;
        }

        /** The name of the text support channel (default help). */
        public Builder helpChannel(String name) {
            this.helpName = name;
            return this;
        }

        /**
         * Loop and the simulator run on the real clock, for stories where Loop's own timestamps must sort among the
         * messages' (debug details); {@link Community#clock} still exists but neither reads it.
         */
        public Builder realClock() {
            this.realClock = true;
            return this;
        }

        public Builder sim(UnaryOperator<SimOptions> options) {
            this.simOptions = options;
            return this;
        }

        /** The features Loop runs (default: all of them). */
        public Builder features(Function<Services, List<Feature>> features) {
            this.features = features;
            return this;
        }

        /** Adjusts Loop's JDA before it connects. */
        public Builder jda(Consumer<JDABuilder> jda) {
            this.jda = jda;
            return this;
        }

        /**
         * JDA sends as fast as the simulator lets it, instead of Loop pacing it at Discord's 50 requests a second:
         * for stories with hundreds of messages.
         */
        public Builder unpacedRest() {
            this.unpacedRest = true;
            return this;
        }

        /**
         * The community has a GitHub (see {@link Community}) and Loop syncs with it: {@code yaml} goes below
         * {@code github:} and {@code repo:} in loop.yaml ({@code {erin}} stands for erin's id), and Loop runs every
         * feature with the GitHub worker's {@code tuning}.
         */
        public Builder github(String yaml, GitHubFeature.Tuning tuning) {
            this.githubYaml = yaml;
            this.features = services -> Features.all(services, tuning);
            return this;
        }

        /** loop.yaml names no areas (by default it has Installer, owned by olga, for posts tagged installer). */
        public Builder withoutAreas() {
            this.installerArea = false;
            return this;
        }

        /** A leadership role (members: lea) named as {@code roles.leadership}, the on-call role design threads ping. */
        public Builder leadership() {
            this.leadership = true;
            return this;
        }

        /** Only the simulated community: no database, no Loop (the test starts Loop its own way, e.g. as a process). */
        public Builder withoutLoop() {
            this.withLoop = false;
            return this;
        }

        /** A community that starts as a JUnit extension, before the class's first test. */
        public Community build() {
            return new Community(this);
        }

        /** A community started now; close it when done. */
        public Community start() throws Exception {
            Community c = build();
            c.open();
            return c;
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        open();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private void open() throws Exception {
        clock = MovableClock.stoppedAt(spec.start);
        sim = Sim.start(spec.simOptions.apply(SimOptions.defaults().clock(clock).awaitTimeout(Duration.ofSeconds(15))));
        guild = sim.guild("Loop HQ");
        support = guild.forum("support", spec.forumTags.toArray(String[]::new));
        help = guild.textChannel(spec.helpName);
        team = guild.textChannel("team");
        releases = guild.textChannel("releases");
        engineers = guild.role("engineers");
        erin = guild.member("erin").addRole(engineers);
        olga = guild.member("olga").addRole(engineers);
        alice = guild.member("alice");
        bob = guild.member("bob");
        carol = guild.member("carol");
        dir = Files.createTempDirectory("loop-e2e");
        String githubSection = "";
        Map<String, String> env = Map.of();
        if (spec.githubYaml != null) {
            github = GitHubSim.start(clock);
            repo = github.repo(GITHUB_REPO);
            repo.addCollaborator(GITHUB_BOT);
            githubSection = "\ngithub:\n  repo: " + GITHUB_REPO + "\n"
                    + spec.githubYaml.replace("{erin}", String.valueOf(erin.id()));
            env = Map.of("GITHUB_TOKEN", github.token(GITHUB_BOT), "LOOP_GITHUB_API_URL", github.apiUrl());
        }
        String required = ConfigYaml.required(
                guild.id(),
                sim.restBaseUrl(),
                sim.gatewayUrl(),
                List.of(support.id(), help.id()),
                team.id(),
                releases.id(),
                engineers.id());
        if (spec.leadership) {
            leadership = guild.role("leadership");
            guild.member("lea").addRole(leadership);
            String engineersLine = "  engineers: [\"" + engineers.id() + "\"]\n";
            required = required.replace(engineersLine, engineersLine + "  leadership: \"" + leadership.id() + "\"\n");
        }
        config = ConfigLoader.parse(
                required + (spec.installerArea ? """
                areas:
                  - name: Installer
                    owner: "%d"
                    forum-tag: installer
                """.formatted(olga.id()) : "") + spec.yaml + githubSection,
                "e2e.yaml",
                env);
        if (!spec.withLoop) return;
        db = Database.open(dir.resolve("loop.db"));
        start();
    }

    /** Starts Loop (again) on the same database. */
    public void start() throws InterruptedException {
        loop = Loop.start(
                config,
                sim.token(),
                spec.realClock ? Clock.systemUTC() : clock,
                db,
                false,
                services -> {
                    List<Feature> all = new ArrayList<>(spec.features.apply(services));
                    features = all;
                    return all;
                },
                b -> {
                    if (spec.unpacedRest) b.setRestConfig(new RestConfig().setBaseUrl(sim.restBaseUrl()));
                    spec.jda.accept(b);
                });
        // as an admin would in Server Settings > Integrations > Loop: engineers see the commands hidden from members
        guild.integration().allowOnEveryRestrictedCommand(engineers);
    }

    /** Stops Loop; the simulator and the database stay, and {@link #start()} brings it back. */
    public void stop() {
        if (loop == null) return;
        loop.close();
        loop = null;
        sim.awaitBotDisconnected();
    }

    /** Stops Loop and starts a new one on the same database, as after downtime. */
    public void restart() throws InterruptedException {
        stop();
        start();
    }

    public Loop loop() {
        return loop;
    }

    /** One of the running Loop's features. */
    public <T extends Feature> T feature(Class<T> type) {
        return features.stream()
                .filter(type::isInstance)
                .map(type::cast)
                .findFirst()
                .orElseThrow();
    }

    public WatchFeature watch() {
        return feature(WatchFeature.class);
    }

    public StatsFeature stats() {
        return feature(StatsFeature.class);
    }

    public NamingFeature naming() {
        return feature(NamingFeature.class);
    }

    // ------------------------------------------------------------------------------------ reading the record

    /** The support threads the watch feature records (opened, answered, captured). */
    public SupportThreadStore supportThreads() {
        return new SupportThreadStore(db);
    }

    /** The naming votes the naming feature recorded. */
    public NamingPollStore namingPolls() {
        return new NamingPollStore(db);
    }

    public IssueStore issues() {
        return new IssueStore(db);
    }

    public Issue issue(int number) {
        return issues().find(number).orElseThrow();
    }

    /**
     * Stores {@code issue} straight into the record, as erin captured it now from post {@code postId} of the support
     * forum, asked for by {@code author} alone: for stories about what Loop does with issues it already holds.
     */
    public Issue seedIssue(NewIssue issue, long postId, SimMember author) {
        NewPlace post = new NewPlace(
                Place.PlaceKind.FORUM_POST,
                guild.id(),
                support.id(),
                postId,
                null,
                "https://discord.com/channels/" + guild.id() + "/" + postId,
                "post " + postId);
        return storeIssue(issue, post, List.of(author.id()));
    }

    /**
     * Stores {@code issue} at {@code place} as a capture or an import stores it, erin recording it now with
     * {@code requesters} as its authors: no card, no prompt, nothing sent.
     */
    public Issue storeIssue(NewIssue issue, NewPlace place, List<Long> requesters) {
        return issues().create(
                        issue, place, requesters, Requester.How.AUTHOR, List.of(), false, erin.id(), clock.instant());
    }

    /** What issue {@code number}'s transcript holds of {@code message} now (as Loop copied or corrected it). */
    public String transcriptCopy(int number, SimMessage message) {
        return issues().transcript(number).stream()
                .filter(l -> l.messageId() == message.id())
                .map(TranscriptLine::content)
                .findFirst()
                .orElseThrow();
    }

    /** The history of issue {@code number} of one type (e.g. "priority"). */
    public List<HistoryEntry> history(int number, String type) {
        return issues().history(number).stream()
                .filter(h -> h.type().equals(type))
                .toList();
    }

    public int rows(Table<?> table) {
        return db.read(ctx -> ctx.fetchCount(table));
    }

    public int rows(Table<?> table, Condition where) {
        return db.read(ctx -> ctx.fetchCount(table, where));
    }

    /** Everything stored about one issue, to compare before and after something that must change nothing. */
    public record Record(
            Issue issue,
            List<Place> places,
            List<Requester> requesters,
            List<HistoryEntry> history,
            int transcriptLines) {}

    public Record record(int number) {
        IssueStore issues = issues();
        return new Record(
                issues.find(number).orElseThrow(),
                issues.places(number),
                issues.requesters(number),
                issues.history(number),
                issues.transcript(number).size());
    }

    /** {@code unit} repeated whole as often as it fits in {@code max} characters. */
    public static String fill(String unit, int max) {
        StringBuilder b = new StringBuilder();
        while (b.length() + unit.length() <= max) b.append(unit);
        return b.toString();
    }

    // ------------------------------------------------------------------------------------ what people do

    /** {@code author} opens a forum post and erin captures it with /capture, as a feature. */
    public Captured capture(SimMember author, String title, String body, String... tags) {
        return captureIn(author.postInForum(support, title, body, tags), Map.of("kind", "feature", "needs_docs", "no"));
    }

    /** erin runs /capture in {@code post}, submits the modal with {@code values} and creates a new issue. */
    public Captured captureIn(SimChannel post, Map<String, String> values) {
        return Captured.viaCommand(erin, post, values);
    }

    /** erin pins {@code message} with 📌; the number of the issue it made, known by its title. */
    public int pin(SimMessage message, String title) {
        return Captured.viaPin(erin, team, message, title);
    }

    @Override
    public void close() {
        if (loop != null) loop.close();
        loop = null;
        if (db != null) db.close();
        db = null;
        if (sim != null) sim.close();
        sim = null;
        if (github != null) github.close();
        github = null;
    }
}
