package dev.loop.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.interaction.command.GenericPrivilegeUpdateEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.PrivilegeConfig;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.privileges.IntegrationPrivilege;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Which application commands a member sees, as Discord decides it: {@code default_member_permissions} registered by
 * the bot and served back as it was stored, the overwrites an admin sets in Server Settings → Integrations (read back
 * over REST by the real JDA), and a client that never sends a command it does not list.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CommandVisibilityTest {
    private static final long MANAGE_THREADS = Permission.MANAGE_THREADS.getRawValue();

    private Sim sim;
    private JDA jda;
    private SimGuild guild;
    private SimChannel general;
    private SimChannel team;
    private SimMember member;
    private SimMember engineer;
    private SimMember moderator;
    private SimMember admin;
    private SimRole engineers;
    private final List<String> ran = new CopyOnWriteArrayList<>();
    private final List<GenericPrivilegeUpdateEvent> privilegeUpdates = new CopyOnWriteArrayList<>();

    @BeforeAll
    void start() {
        sim = Sim.start(SimOptions.defaults().globalRateLimit(0));
        guild = sim.guild("Loop HQ");
        general = guild.textChannel("general");
        team = guild.textChannel("team");
        engineers = guild.createRole("engineers", 0, true);
        SimRole mods = guild.createRole("mods", MANAGE_THREADS, false);
        SimRole admins = guild.createRole("admins", Permission.ADMINISTRATOR.getRawValue(), false);
        member = guild.member("member");
        engineer = guild.member("engineer").addRole(engineers);
        moderator = guild.member("moderator").addRole(mods);
        admin = guild.member("admin").addRole(admins);
        jda = SimJda.builder(sim)
                .addEventListeners(new ListenerAdapter() {
                    @Override
                    public void onSlashCommandInteraction(SlashCommandInteractionEvent e) {
                        ran.add(e.getUser().getName() + " /" + e.getFullCommandName());
                        e.reply("ok").setEphemeral(true).queue();
                    }

                    @Override
                    public void onGenericPrivilegeUpdate(GenericPrivilegeUpdateEvent e) {
                        privilegeUpdates.add(e);
                    }
                })
                .build();
        try {
            jda.awaitReady();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        jda.getGuildById(guild.id())
                .updateCommands()
                .addCommands(
                        Commands.slash("open", "Anyone"),
                        Commands.slash("threads", "Manage Threads")
                                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_THREADS)),
                        Commands.slash("locked", "Admins").setDefaultPermissions(DefaultMemberPermissions.DISABLED),
                        Commands.message("Capture as issue")
                                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_THREADS)))
                .complete();
    }

    @AfterAll
    void stop() {
        if (jda != null) SimJda.shutdown(jda);
        if (sim != null) sim.close();
    }

    @BeforeEach
    void noOverwrites() {
        guild.integration().reset();
        for (String name : List.of("open", "threads", "locked", "Capture as issue")) {
            guild.integration().command(name).reset();
        }
        engineers.setPermissions(0L);
    }

    private Guild jdaGuild() {
        return jda.getGuildById(guild.id());
    }

    @Test
    void defaultMemberPermissionsAreServedBackAsTheyWereRegistered() {
        RawRest.Reply r =
                new RawRest(sim).get("applications/" + sim.applicationId() + "/guilds/" + guild.id() + "/commands");
        assertThat(r.status()).isEqualTo(200);
        Map<String, String> byName = new java.util.HashMap<>();
        r.json()
                .forEach(c -> byName.put(
                        c.path("name").asText(),
                        c.get("default_member_permissions").isNull()
                                ? null
                                : c.get("default_member_permissions").textValue()));
        assertThat(byName)
                .containsEntry("open", null)
                .containsEntry("threads", Long.toString(MANAGE_THREADS))
                .containsEntry("locked", "0")
                .containsEntry("Capture as issue", Long.toString(MANAGE_THREADS));

        Map<String, DefaultMemberPermissions> read = new java.util.HashMap<>();
        for (Command c : jdaGuild().retrieveCommands().complete()) read.put(c.getName(), c.getDefaultPermissions());
        assertThat(read)
                .containsEntry("open", DefaultMemberPermissions.ENABLED)
                .containsEntry("threads", DefaultMemberPermissions.enabledFor(Permission.MANAGE_THREADS))
                .containsEntry("locked", DefaultMemberPermissions.DISABLED);
    }

    @Test
    void aNumberIsStoredAsTheStringDiscordServesAndANonBitSetIsRefused() {
        RawRest rest = new RawRest(sim);
        String path = "applications/" + sim.applicationId() + "/commands";
        RawRest.Reply ok =
                rest.post(path, "{\"name\":\"numeric\",\"description\":\"d\",\"default_member_permissions\":32}");
        assertThat(ok.json().get("default_member_permissions").textValue()).isEqualTo("32");
        RawRest.Reply bad =
                rest.post(path, "{\"name\":\"bad\",\"description\":\"d\",\"default_member_permissions\":\"mods\"}");
        assertThat(bad.status()).isEqualTo(400);
        rest.delete(path + "/" + ok.json().path("id").asText());
    }

    @Test
    void membersSeeOnlyWhatTheirPermissionsAllowAndAdminsSeeEverything() {
        assertThat(member.visibleCommands(general)).containsExactly("open");
        assertThat(engineer.visibleCommands(general)).containsExactly("open");
        assertThat(moderator.visibleCommands(general)).containsExactly("open", "threads", "Capture as issue");
        assertThat(admin.visibleCommands(general)).containsExactly("open", "threads", "locked", "Capture as issue");
        assertThat(sim.commandsVisibleTo(guild.owner(), general)).hasSize(4);

        engineers.setPermissions(Permission.MANAGE_THREADS);
        assertThat(engineer.visibleCommands(general)).containsExactly("open", "threads", "Capture as issue");
    }

    @Test
    void aCommandLevelGrantOverridesTheDefaultButAnAppLevelGrantDoesNot() {
        guild.integration().allow(engineers);
        assertThat(engineer.visibleCommands(general)).containsExactly("open");

        guild.integration().command("threads").allow(engineers);
        guild.integration().command("locked").allow(engineer);
        assertThat(engineer.visibleCommands(general)).containsExactly("open", "threads", "locked");
        assertThat(member.visibleCommands(general)).containsExactly("open");

        guild.integration().command("open").everyone(false);
        assertThat(member.visibleCommands(general)).isEmpty();
        assertThat(admin.visibleCommands(general)).contains("open");
    }

    @Test
    void denialsWinWhereDiscordSaysTheyDo() {
        guild.integration().deny(engineers); // app level: no command for the role, whatever its permissions
        engineers.setPermissions(Permission.MANAGE_THREADS);
        assertThat(engineer.visibleCommands(general)).isEmpty();

        guild.integration().command("threads").allow(engineers); // a command-level grant overrides the app level
        assertThat(engineer.visibleCommands(general)).containsExactly("threads");

        guild.integration().command("threads").deny(engineer); // the member's own overwrite beats their role's
        assertThat(engineer.visibleCommands(general)).isEmpty();
    }

    @Test
    void channelOverwritesHideCommandsThereAndInTheirThreads() {
        engineers.setPermissions(Permission.MANAGE_THREADS);
        guild.integration().denyIn(general);
        guild.integration().command("threads").allowIn(general);
        assertThat(engineer.visibleCommands(team)).containsExactly("open", "threads", "Capture as issue");
        assertThat(engineer.visibleCommands(general)).containsExactly("threads");
        SimMessage start = engineer.say(general, "thread starter");
        SimChannel thread = engineer.startThread(start, "a thread");
        assertThat(engineer.visibleCommands(thread)).containsExactly("threads");

        guild.integration().reset().allChannels(false).allowIn(team);
        assertThat(member.visibleCommands(general)).isEmpty();
        assertThat(member.visibleCommands(team)).containsExactly("open");
    }

    @Test
    void aMemberCannotRunWhatTheirClientDoesNotListButAStaleClientReachesTheBot() {
        assertThatThrownBy(() -> member.runSlash(general, "threads"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot see the command 'threads'");
        SimMessage post = member.say(general, "a message");
        assertThatThrownBy(() -> member.runMessageCommand(post, "Capture as issue"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(ran).doesNotContain("member /threads");

        member.runSlashFromStaleClient(general, "threads", Map.of()).awaitReply();
        assertThat(ran).contains("member /threads");

        moderator.runSlash(general, "threads").awaitReply();
        assertThat(ran).contains("moderator /threads");
    }

    @Test
    void theOverwritesAnAdminSetAreServedAsDiscordServesThem() {
        long app = sim.applicationId();
        long threadsId = jdaGuild().retrieveCommands().complete().stream()
                .filter(c -> c.getName().equals("threads"))
                .findFirst()
                .orElseThrow()
                .getIdLong();
        RawRest rest = new RawRest(sim);
        String base = "applications/" + app + "/guilds/" + guild.id() + "/commands/";
        assertThat(rest.get(base + "permissions").json()).isEmpty();
        RawRest.Reply none = rest.get(base + threadsId + "/permissions");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.code()).isEqualTo(10066);

        guild.integration().allow(engineers).allChannels(false);
        guild.integration().command("threads").allow(engineers).everyone(false).allowIn(team);

        RawRest.Reply all = rest.get(base + "permissions");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json()).hasSize(2);
        RawRest.Reply one = rest.get(base + threadsId + "/permissions");
        assertThat(one.json().path("id").asText()).isEqualTo(Long.toString(threadsId));
        assertThat(one.json().path("application_id").asText()).isEqualTo(Long.toString(app));
        assertThat(one.json().path("guild_id").asText()).isEqualTo(Long.toString(guild.id()));
        assertThat(one.json().path("permissions").toString())
                .isEqualTo("[{\"id\":\"" + engineers.id() + "\",\"type\":1,\"permission\":true},"
                        + "{\"id\":\"" + guild.id() + "\",\"type\":1,\"permission\":false},"
                        + "{\"id\":\"" + team.id() + "\",\"type\":3,\"permission\":true}]");

        PrivilegeConfig config = jdaGuild().retrieveCommandPrivileges().complete();
        List<IntegrationPrivilege> appLevel = config.getApplicationPrivileges();
        assertThat(appLevel).hasSize(2);
        assertThat(appLevel.get(0).getType()).isEqualTo(IntegrationPrivilege.Type.ROLE);
        assertThat(appLevel.get(0).getIdLong()).isEqualTo(engineers.id());
        assertThat(appLevel.get(1).targetsAllChannels()).isTrue();
        assertThat(appLevel.get(1).isDisabled()).isTrue();
        List<IntegrationPrivilege> onThreads = config.getCommandPrivileges(Long.toString(threadsId));
        assertThat(onThreads).hasSize(3);
        assertThat(onThreads.get(1).targetsEveryone()).isTrue();
        assertThat(jdaGuild().retrieveIntegrationPrivilegesById(threadsId).complete())
                .hasSize(3);

        RawRest.Reply put = rest.put(base + threadsId + "/permissions", "{\"permissions\":[]}");
        assertThat(put.status()).isEqualTo(403);
        assertThat(put.code()).isEqualTo(20001);

        sim.await("the bot to hear of the overwrites", () -> !privilegeUpdates.isEmpty());
    }
}
