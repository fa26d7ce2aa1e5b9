package dev.loop.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loop.core.discord.EngineerCommands;
import dev.loop.db.Tables;
import dev.loop.sim.SimChannel;
import dev.loop.sim.SimMember;
import dev.loop.sim.SimMessage;
import dev.loop.sim.SimRole;
import dev.loop.testing.Community;
import dev.loop.testing.EndToEnd;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What each person's Discord client lists of Loop's commands: members see the commands for everyone and none of the
 * engineer-only ones; engineers see them once an admin grants the role (Server Settings → Integrations) or the role
 * holds Manage Threads; and a member whose client sends an engineer command anyway still gets Loop's own refusal.
 */
@EndToEnd
class CommandVisibilityEndToEndTest {

    @RegisterExtension
    static final Community c = Community.at("2026-12-02T10:00:00Z").build();

    static final List<String> HIDDEN =
            List.of("capture", "Capture as issue", "link", "release", "release-status", "inbox", "stats", "name");
    static final List<String> FOR_EVERYONE = List.of("issue", "privacy", "roadmap");

    @Test
    void loopRegistersTheEngineerCommandsWithDefaultMemberPermissionsAndTheOthersWithout() {
        Map<String, DefaultMemberPermissions> registered = new HashMap<>();
        for (Command command :
                c.loop().jda().getGuildById(c.guild.id()).retrieveCommands().complete()) {
            registered.put(command.getName(), command.getDefaultPermissions());
        }
        assertThat(registered.keySet()).containsAll(HIDDEN).containsAll(FOR_EVERYONE);
        for (String name : HIDDEN) {
            assertThat(registered.get(name)).as(name).isEqualTo(EngineerCommands.DEFAULT_PERMISSIONS);
        }
        for (String name : FOR_EVERYONE) {
            assertThat(registered.get(name)).as(name).isEqualTo(DefaultMemberPermissions.ENABLED);
        }
        assertThat(EngineerCommands.DEFAULT_PERMISSIONS)
                .isEqualTo(DefaultMemberPermissions.enabledFor(Permission.MANAGE_THREADS));
    }

    @Test
    void membersSeeTheCommandsForEveryoneAndNoneOfTheEngineerOnes() {
        SimChannel post = c.alice.postInForum(c.support, "Dark mode please", "My eyes hurt at night");
        for (SimChannel where : List.of(c.team, c.help, post)) {
            assertThat(c.alice.visibleCommands(where))
                    .as("alice in " + where)
                    .containsAll(FOR_EVERYONE)
                    .doesNotContainAnyElementsOf(HIDDEN);
        }
        assertThatThrownBy(() -> c.alice.runSlash(post, "capture"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot see the command 'capture'");
        assertThatThrownBy(() -> c.bob.runMessageCommand(post.starterMessage(), "Capture as issue"))
                .isInstanceOf(IllegalStateException.class);
        SimMessage show = c.alice.runSlash(post, "privacy show").awaitReply();
        assertThat(show.ephemeral()).isTrue();
    }

    @Test
    void engineersSeeThemWhenTheAdminGrantedTheRoleOrTheRoleHoldsManageThreads() {
        assertThat(c.erin.visibleCommands(c.team)).containsAll(HIDDEN).containsAll(FOR_EVERYONE);

        // a new engineer is covered by the grant to the role
        SimMember newcomer = c.guild.member("nia").addRole(c.engineers);
        assertThat(newcomer.visibleCommands(c.team)).containsAll(HIDDEN);

        // without any grant, the engineer role needs Manage Threads
        SimRole unGranted = c.guild.createRole("support-staff", 0, false);
        SimMember staff = c.guild.member("sol").addRole(unGranted);
        assertThat(staff.visibleCommands(c.team)).doesNotContainAnyElementsOf(HIDDEN);
        unGranted.setPermissions(Permission.MANAGE_THREADS);
        assertThat(staff.visibleCommands(c.team)).containsAll(HIDDEN);

        // one command granted by an admin to a member directly
        SimMember helper = c.guild.member("hal");
        c.guild.integration().command("inbox").allow(helper);
        assertThat(helper.visibleCommands(c.team)).contains("inbox").doesNotContain("capture");
    }

    @Test
    void anEngineerUsesAHiddenCommandAsUsual() {
        SimMessage inbox = c.erin.runSlash(c.team, "inbox").awaitReply();
        assertThat(inbox.ephemeral()).isTrue();
        assertThat(inbox.content()).doesNotContain("Only engineers");
    }

    @Test
    void aMemberWhoseClientSendsAnEngineerCommandAnywayIsRefusedPolitely() {
        SimChannel post = c.carol.postInForum(c.support, "Export loses fonts", "The PDF has no fonts");
        int issues = c.rows(Tables.ISSUE);

        SimMessage capture =
                c.carol.runSlashFromStaleClient(post, "capture", Map.of()).awaitReply();
        assertThat(capture.ephemeral()).isTrue();
        assertThat(capture.content()).isEqualTo("Only engineers can capture issues.");

        SimMessage fromMenu = c.carol
                .runMessageCommandFromStaleClient(post.starterMessage(), "Capture as issue")
                .awaitReply();
        assertThat(fromMenu.ephemeral()).isTrue();
        assertThat(fromMenu.content()).isEqualTo("Only engineers can capture issues.");

        // Manage Threads shows the command, but only the engineer role lets Loop act on it
        SimRole mods = c.guild.createRole("mods", Permission.MANAGE_THREADS.getRawValue(), false);
        SimMember moderator = c.guild.member("mo").addRole(mods);
        SimMessage stats = moderator.runSlash(c.team, "stats show").awaitReply();
        assertThat(stats.ephemeral()).isTrue();
        assertThat(stats.content()).isEqualTo("Only engineers can see the stats.");

        assertThat(c.rows(Tables.ISSUE)).isEqualTo(issues);
        assertThat(post.messages()).noneMatch(SimMessage::fromBot);
        assertThat(c.carol.pingsReceived()).isEmpty();
    }
}
