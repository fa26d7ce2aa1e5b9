package dev.loop.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.core.config.ConfigYaml;
import dev.loop.sim.Sim;
import dev.loop.sim.SimChannel;
import dev.loop.sim.SimGuild;
import dev.loop.sim.SimMember;
import dev.loop.sim.SimOptions;
import dev.loop.sim.SimRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.Permission;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ./run.sh invite} and {@code ./run.sh check} as a person setting Loop up meets them: against the simulator,
 * with the bot given exactly the invite's permissions, then less.
 */
class SetupCommandsTest extends SetupCommandRun {

    /** View Channels, Send Messages, Send Messages in Threads, Embed Links, Attach Files, Read Message History,
     *  Add Reactions, Manage Messages, Manage Threads, Create Polls — summed by hand, not through {@link Needs}. */
    static final long INVITE_PERMISSIONS =
            1024L + 2048 + (1L << 38) + 16384 + 32768 + 65536 + 64 + 8192 + (1L << 34) + (1L << 49);

    Sim sim;
    SimGuild guild;
    SimChannel help;
    SimChannel support;
    SimChannel team;
    SimChannel releases;
    SimRole engineers;
    SimMember owner;

    @BeforeAll
    void startSim() {
        sim = Sim.start(SimOptions.defaults().awaitTimeout(Duration.ofSeconds(10)));
        guild = sim.guild("Acme");
        guild.botRole().setPermissions(INVITE_PERMISSIONS);
        help = guild.forum("help", "bug", "tracked", "shipped", "export");
        support = guild.textChannel("support");
        team = guild.textChannel("team");
        releases = guild.textChannel("releases");
        // Manage Threads lets the role see the engineer-only commands (CommandVisibilityCheckTest covers the rest)
        engineers = guild.createRole("engineers", Permission.MANAGE_THREADS.getRawValue(), true);
        owner = guild.member("sam").addRole(engineers);
    }

    @AfterAll
    void stopSim() {
        if (sim != null) sim.close();
    }

    @AfterEach
    void restore() {
        help.overwrite(guild.botRole(), 0, 0);
        team.overwrite(guild.botRole(), 0, 0);
        engineers.setMentionable(true);
    }

    Path config(long guildId, long supportForum, String shippedTag) throws Exception {
        Path file = dir.resolve("loop.yaml");
        Files.writeString(
                file,
                ConfigYaml.required(
                                guildId,
                                sim.restBaseUrl(),
                                sim.gatewayUrl(),
                                List.of(supportForum, support.id()),
                                team.id(),
                                releases.id(),
                                engineers.id())
                        + """
                areas:
                  - name: Export
                    owner: "%d"
                    forum-tag: export
                tags:
                  tracked: tracked
                  shipped: %s
                """.formatted(owner.id(), shippedTag));
        return file;
    }

    int check(Path config, String token) {
        Map<String, String> env = new HashMap<>();
        env.put("LOOP_CONFIG", config.toString());
        if (token != null) env.put("DISCORD_TOKEN", token);
        return check(env);
    }

    List<String> problems() {
        return stderrLines();
    }

    // ------------------------------------------------------------------------------------------ invite

    @Test
    void inviteHasExactlyTheScopesAndPermissionsLoopNeeds() {
        int code = SetupCommands.invite(Map.of("LOOP_APPLICATION_ID", "123456789012345678"), stream(out), stream(err));
        assertThat(code).isZero();
        assertThat(Needs.invitePermissions()).isEqualTo(INVITE_PERMISSIONS).isEqualTo(563242011323456L);
        assertThat(stdout().lines())
                .contains("https://discord.com/oauth2/authorize?client_id=123456789012345678"
                        + "&scope=bot+applications.commands&permissions=563242011323456");
        assertThat(stdout())
                .contains(
                        "Scopes: bot, applications.commands",
                        "View Channels — ",
                        "Send Messages — ",
                        "Send Messages in Threads — ",
                        "Embed Links — ",
                        "Attach Files — ",
                        "Read Message History — ",
                        "Add Reactions — ",
                        "Manage Messages — ",
                        "Manage Threads — ",
                        "Create Polls — ",
                        "Server Members Intent",
                        "Message Content Intent");
        assertThat(stdout()).doesNotContain("Administrator");
    }

    @Test
    void inviteAsksDiscordForTheApplicationIdWithAToken() {
        int code = SetupCommands.invite(
                Map.of(
                        "DISCORD_TOKEN",
                        sim.token(),
                        "LOOP_DISCORD_API_URL",
                        sim.restBaseUrl(),
                        "LOOP_DISCORD_GATEWAY_URL",
                        sim.gatewayUrl()),
                stream(out),
                stream(err));
        assertThat(code).isZero();
        assertThat(stdout())
                .contains("client_id=" + sim.applicationId() + "&scope=bot+applications.commands&permissions="
                        + INVITE_PERMISSIONS);
    }

    @Test
    void inviteWithoutAnIdOrATokenSaysWhereToFindTheId() {
        assertThat(SetupCommands.invite(Map.of(), stream(out), stream(err))).isEqualTo(1);
        assertThat(problems())
                .containsExactly("Set LOOP_APPLICATION_ID (Developer Portal > General Information > "
                        + "Application ID) or DISCORD_TOKEN to print the invite URL");
        assertThat(SetupCommands.invite(Map.of("LOOP_APPLICATION_ID", "my-app"), stream(out), stream(err)))
                .isEqualTo(1);
    }

    // ------------------------------------------------------------------------------------------ check

    @Test
    void withoutATokenCheckOnlyValidatesTheConfig() throws Exception {
        assertThat(check(config(guild.id(), help.id(), "shipped"), null)).isZero();
        assertThat(stdout()).contains("Configuration is valid.", "Set DISCORD_TOKEN to also check");
        assertThat(check(dir.resolve("missing.yaml"), null)).isEqualTo(1);
        assertThat(problems()).first().asString().startsWith("config: ");
    }

    @Test
    void theInvitePermissionsAreEnough() throws Exception {
        assertThat(check(config(guild.id(), help.id(), "shipped"), sim.token())).isZero();
        assertThat(problems()).isEmpty();
        assertThat(stdout()).contains("the server, channels, roles and permissions Loop needs are all in place");
    }

    @Test
    void namesEachMissingPermissionPerChannelAndEachOtherProblemOnItsOwnLine() throws Exception {
        help.deny(guild.botRole(), Permission.MANAGE_THREADS, Permission.MESSAGE_HISTORY);
        team.deny(guild.botRole(), Permission.MESSAGE_SEND_POLLS);
        engineers.setMentionable(false);

        int code = check(config(guild.id(), help.id(), "released"), sim.token());

        assertThat(code).isEqualTo(1);
        assertThat(problems())
                .containsExactly(
                        "channels.support: Loop lacks Read Message History in #help (to read a thread's messages when capturing it)",
                        "channels.support: Loop lacks Manage Threads in #help (to reopen archived threads and set the tracked/shipped forum tags)",
                        "tags.shipped: forum #help has no tag 'released', so shipped posts won't be tagged",
                        "channels.team: Loop lacks Create Polls in #team (to post naming votes as polls)",
                        "roles.engineers: @engineers is not mentionable, so Fix it now alerts won't ping it (Server Settings > "
                                + "Roles > engineers > Allow anyone to @mention this role)",
                        "5 problems to fix before Loop can do its job.");
    }

    @Test
    void aChannelThatIsNotThereAndAServerLoopIsNotIn() throws Exception {
        assertThat(check(config(guild.id(), 100000000000000999L, "shipped"), sim.token()))
                .isEqualTo(1);
        assertThat(problems()).first().isEqualTo("channels.support: there is no channel 100000000000000999 in Acme");

        err.reset();
        assertThat(check(config(100000000000004242L, help.id(), "shipped"), sim.token()))
                .isEqualTo(1);
        assertThat(problems())
                .first()
                .isEqualTo(
                        "discord.guild: Loop is not in server 100000000000004242: invite it with the URL from ./run.sh invite");
    }

    @Test
    void aRejectedTokenIsOneLine() throws Exception {
        assertThat(check(config(guild.id(), help.id(), "shipped"), "not-the-token"))
                .isEqualTo(1);
        assertThat(problems())
                .containsExactly(
                        "Discord rejected DISCORD_TOKEN: check the token in the Developer Portal (Bot > Reset Token)");
    }

    @Test
    void privilegedIntentsNotEnabledInThePortalAreNamed() throws Exception {
        try (Sim strict = Sim.start(SimOptions.defaults().messageContentIntentEnabled(false))) {
            SimGuild g = strict.guild("Acme");
            Path file = dir.resolve("strict.yaml");
            Files.writeString(
                    file,
                    ConfigYaml.required(
                            g.id(),
                            strict.restBaseUrl(),
                            strict.gatewayUrl(),
                            List.of(g.forum("help").id()),
                            g.textChannel("team").id(),
                            g.textChannel("releases").id(),
                            g.role("engineers").id()));
            assertThat(check(file, strict.token())).isEqualTo(1);
            assertThat(problems())
                    .containsExactly(
                            "Discord refused Loop's gateway intents: enable Server Members "
                                    + "Intent and Message Content Intent under Bot > Privileged Gateway Intents in the Developer Portal");
        }
    }
}
