package dev.loop.sim;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link Sim} behaves. Start from {@link #defaults()} and chain setters:
 *
 * <pre>{@code Sim.start(SimOptions.defaults().botPermissions(Permission.getRaw(VIEW_CHANNEL, MESSAGE_SEND)))}</pre>
 *
 * <p>Timing values (interaction deadline, token lifetime, await timeout, nonce window) are read when used, so a
 * test may change them on a running simulator through {@link Sim#options()}, e.g. a 300 ms deadline to provoke
 * 10062 without waiting three seconds. Ports, token, intents and permissions are fixed at start.
 */
public final class SimOptions {
    private String token = "sim-bot-token";
    private String botName = "Loop";
    private long botPermissions = 8L; // ADMINISTRATOR, like a freshly invited bot with the "Administrator" box ticked
    private Clock clock = Clock.systemUTC();
    private Duration interactionDeadline = Duration.ofSeconds(3);
    private Duration interactionTokenLifetime = Duration.ofMinutes(15);
    private Duration awaitTimeout = Duration.ofSeconds(10);
    private Duration nonceWindow = Duration.ofMinutes(5);
    private int globalRateLimit = 50;
    private boolean realisticRateLimits;
    private int heartbeatIntervalMs = 41_250;
    private boolean messageContentIntentEnabled = true;
    private boolean guildMembersIntentEnabled = true;
    private boolean presenceIntentEnabled = true;
    private int restThreads = 16;
    private int restPort;
    private int gatewayPort;

    private SimOptions() {}

    public static SimOptions defaults() {
        return new SimOptions();
    }

    /** The bot token JDA must log in with (without the "Bot " prefix). */
    public SimOptions token(String token) {
        this.token = Objects.requireNonNull(token);
        return this;
    }

    public SimOptions botName(String botName) {
        this.botName = Objects.requireNonNull(botName);
        return this;
    }

    /** Permissions of the bot's managed role in every guild created afterwards; default ADMINISTRATOR (8). */
    public SimOptions botPermissions(long permissions) {
        this.botPermissions = permissions;
        return this;
    }

    /** Clock for timestamps and message ids. Interaction deadlines always follow real time. */
    public SimOptions clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
        return this;
    }

    /** Time the bot has for the initial interaction response; Discord's is 3 s. */
    public SimOptions interactionDeadline(Duration d) {
        this.interactionDeadline = Objects.requireNonNull(d);
        return this;
    }

    /** Lifetime of an interaction token for follow-ups and @original; Discord's is 15 min. */
    public SimOptions interactionTokenLifetime(Duration d) {
        this.interactionTokenLifetime = Objects.requireNonNull(d);
        return this;
    }

    /** Default timeout of every {@code await...} call in the people API. */
    public SimOptions awaitTimeout(Duration d) {
        this.awaitTimeout = Objects.requireNonNull(d);
        return this;
    }

    /** How long {@code enforce_nonce} remembers a nonce, on the simulator's clock (a test moves past it). */
    public SimOptions nonceWindow(Duration d) {
        this.nonceWindow = Objects.requireNonNull(d);
        return this;
    }

    /** Requests per second across all routes except interaction callbacks and webhooks; 0 disables. */
    public SimOptions globalRateLimit(int perSecond) {
        this.globalRateLimit = perSecond;
        return this;
    }

    /**
     * Use Discord-like per-route limits (5 messages / 5 s per channel, reactions 1 / 0.25 s, ...) instead of
     * generous ones. Individual routes can still be overridden with {@link SimRateLimits#limit}.
     */
    public SimOptions realisticRateLimits(boolean on) {
        this.realisticRateLimits = on;
        return this;
    }

    public SimOptions heartbeatIntervalMs(int ms) {
        this.heartbeatIntervalMs = ms;
        return this;
    }

    /** Whether the application may use the MESSAGE_CONTENT privileged intent (else IDENTIFY with it closes 4014). */
    public SimOptions messageContentIntentEnabled(boolean on) {
        this.messageContentIntentEnabled = on;
        return this;
    }

    public SimOptions guildMembersIntentEnabled(boolean on) {
        this.guildMembersIntentEnabled = on;
        return this;
    }

    public SimOptions presenceIntentEnabled(boolean on) {
        this.presenceIntentEnabled = on;
        return this;
    }

    /** Fixed loopback ports (e.g. for a sandbox other processes connect to); 0, the default, picks free ones. */
    public SimOptions ports(int rest, int gateway) {
        this.restPort = rest;
        this.gatewayPort = gateway;
        return this;
    }

    public int restPort() {
        return restPort;
    }

    public int gatewayPort() {
        return gatewayPort;
    }

    public SimOptions restThreads(int n) {
        this.restThreads = n;
        return this;
    }

    public String token() {
        return token;
    }

    public String botName() {
        return botName;
    }

    public long botPermissions() {
        return botPermissions;
    }

    public Clock clock() {
        return clock;
    }

    public Duration interactionDeadline() {
        return interactionDeadline;
    }

    public Duration interactionTokenLifetime() {
        return interactionTokenLifetime;
    }

    public Duration awaitTimeout() {
        return awaitTimeout;
    }

    public Duration nonceWindow() {
        return nonceWindow;
    }

    public int globalRateLimit() {
        return globalRateLimit;
    }

    public boolean realisticRateLimits() {
        return realisticRateLimits;
    }

    public int heartbeatIntervalMs() {
        return heartbeatIntervalMs;
    }

    public boolean messageContentIntentEnabled() {
        return messageContentIntentEnabled;
    }

    public boolean guildMembersIntentEnabled() {
        return guildMembersIntentEnabled;
    }

    public boolean presenceIntentEnabled() {
        return presenceIntentEnabled;
    }

    public int restThreads() {
        return restThreads;
    }
}
