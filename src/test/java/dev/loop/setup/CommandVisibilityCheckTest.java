package dev.loop.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.core.config.ConfigYaml;
import dev.loop.core.discord.EngineerCommands;
import dev.loop.sim.Sim;
import dev.loop.sim.SimChannel;
import dev.loop.sim.SimGuild;
import dev.loop.sim.SimJda;
import dev.loop.sim.SimOptions;
import dev.loop.sim.SimRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ./run.sh check} warns, in one line, when the engineer role cannot see the commands Loop hides from members,
 * and says what to do; it is silent once the role holds Manage Threads or an admin granted it each command in Server
 * Settings → Integrations. Against the simulator, which serves the overwrites as Discord does.
 */
class CommandVisibilityCheckTest extends SetupCommandRun {
    Sim sim;
    SimGuild guild;
    SimRole engineers;
    JDA registrar;
    Path config;

    @BeforeAll
    void startSim() throws Exception {
        sim = Sim.start(SimOptions.defaults().awaitTimeout(Duration.ofSeconds(10)));
        guild = sim.guild("Acme");
        guild.botRole().setPermissions(Needs.invitePermissions());
        SimChannel help = guild.forum("help", "tracked", "shipped");
        SimChannel team = guild.textChannel("team");
        SimChannel releases = guild.textChannel("releases");
        engineers = guild.createRole("engineers", 0, true);
        guild.member("sam").addRole(engineers);
        config = Files.createTempFile("loop-check", ".yaml");
        Files.writeString(
                config,
                ConfigYaml.required(
                        guild.id(),
                        sim.restBaseUrl(),
                        sim.gatewayUrl(),
                        List.of(help.id()),
                        team.id(),
                        releases.id(),
                        engineers.id()));
    }

    @AfterAll
    void stopSim() throws Exception {
        if (registrar != null) SimJda.shutdown(registrar);
        if (sim != null) sim.close();
        Files.deleteIfExists(config);
    }

    @AfterEach
    void restore() {
        engineers.setPermissions(0L);
        guild.integration().reset();
        for (String name : sim.registeredCommands())
            guild.integration().command(name).reset();
        // each test starts before Loop's first start: no commands registered
        if (registrar != null)
            registrar.getGuildById(guild.id()).updateCommands().complete();
    }

    /** Registers commands as Loop does at start: two hidden from members, one for everyone. */
    void registerCommands() throws Exception {
        if (registrar == null) registrar = SimJda.builder(sim).build().awaitReady();
        registrar
                .getGuildById(guild.id())
                .updateCommands()
                .addCommands(
                        EngineerCommands.hidden(Commands.slash("capture", "Capture")),
                        EngineerCommands.hidden(Commands.message("Capture as issue")),
                        Commands.slash("issue", "Issues"))
                .complete();
    }

    int check() {
        return check(Map.of("LOOP_CONFIG", config.toString(), "DISCORD_TOKEN", sim.token()));
    }

    List<String> warnings() {
        return stderrLines();
    }

    @Test
    void beforeLoopsFirstStartARoleWithoutManageThreadsIsWarnedAbout() {
        assertThat(check()).isZero();
        assertThat(warnings())
                .containsExactly(
                        "roles.engineers: @engineers won't see Loop's engineer-only commands (/capture, /link, "
                                + "/release, /inbox…) without Manage Threads: give it that permission (Server Settings > Roles "
                                + "> engineers), or after Loop's first start grant it each of them in Server Settings > "
                                + "Integrations > Loop");
        assertThat(stdout()).contains("all in place (see the warning above).");

        err.reset();
        engineers.setPermissions(Permission.MANAGE_THREADS);
        assertThat(check()).isZero();
        assertThat(warnings()).isEmpty();
    }

    @Test
    void withLoopsCommandsRegisteredItNamesEachCommandTheRoleCannotSee() throws Exception {
        registerCommands();
        assertThat(check()).isZero();
        assertThat(warnings())
                .containsExactly("roles.engineers: @engineers can't see /capture, Capture as issue: grant it in Server "
                        + "Settings > Integrations > Loop (click each command > Roles & Members > add @engineers), or "
                        + "give the role Manage Threads (Server Settings > Roles)");

        // an app-level grant does not lift a command's default permissions, so the warning stays
        err.reset();
        guild.integration().allow(engineers);
        check();
        assertThat(warnings()).hasSize(1);

        err.reset();
        guild.integration().command("capture").allow(engineers);
        check();
        assertThat(warnings()).singleElement().asString().contains("can't see Capture as issue:");

        err.reset();
        guild.integration().command("Capture as issue").allow(engineers);
        assertThat(check()).isZero();
        assertThat(warnings()).isEmpty();
        assertThat(stdout()).contains("are all in place.");
    }

    @Test
    void manageThreadsIsEnoughUnlessAnAdminDeniedTheRole() throws Exception {
        registerCommands();
        engineers.setPermissions(Permission.MANAGE_THREADS);
        check();
        assertThat(warnings()).isEmpty();

        guild.integration().deny(engineers);
        check();
        assertThat(warnings()).singleElement().asString().contains("can't see /capture, Capture as issue:");

        err.reset();
        guild.integration().command("capture").everyone(false);
        guild.integration().command("Capture as issue").allow(engineers);
        check();
        assertThat(warnings()).singleElement().asString().contains("can't see /capture:");
    }
}
