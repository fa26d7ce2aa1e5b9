package dev.loop.sandbox;

import dev.loop.core.config.Config;
import dev.loop.core.config.ConfigLoader;
import dev.loop.core.config.ConfigYaml;
import dev.loop.setup.Needs;
import dev.loop.sim.Sim;
import dev.loop.sim.SimChannel;
import dev.loop.sim.SimGuild;
import dev.loop.sim.SimMember;
import dev.loop.sim.SimRole;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The demo community: a {@code #help} forum with tags, a {@code #support} text channel, {@code #team},
 * {@code #releases}, a mentionable engineer role, two engineers (erin, and sam who owns the Export area) and four
 * members. The bot gets exactly the permissions {@code ./run.sh invite} asks for, so the sandbox also shows they
 * are enough.
 */
public record Community(
        Sim sim,
        SimGuild guild,
        SimChannel help,
        SimChannel support,
        SimChannel team,
        SimChannel releases,
        SimRole engineers,
        SimMember erin,
        SimMember sam,
        SimMember alice,
        SimMember bob,
        SimMember carol,
        SimMember dave) {

    /** Forum tags of {@code #help}: kinds, the Export area, and what Loop applies when it tracks and ships. */
    static final List<String> HELP_TAGS = List.of("bug", "feature", "question", "export", "tracked", "shipped");

    public static Community seed(Sim sim) {
        SimGuild guild = sim.guild("Acme Community");
        guild.botRole().setPermissions(Needs.invitePermissions());
        SimChannel help = guild.forum("help", HELP_TAGS.toArray(String[]::new));
        SimChannel support = guild.textChannel("support");
        SimChannel team = guild.textChannel("team");
        SimChannel releases = guild.textChannel("releases");
        SimRole engineers = guild.createRole("engineers", 0, true);
        SimMember erin = guild.member("erin").addRole(engineers);
        SimMember sam = guild.member("sam").addRole(engineers);
        return new Community(
                sim,
                guild,
                help,
                support,
                team,
                releases,
                engineers,
                erin,
                sam,
                guild.member("alice"),
                guild.member("bob"),
                guild.member("carol"),
                guild.member("dave"));
    }

    /** Everyone who takes part, engineers first. */
    public List<SimMember> people() {
        return List.of(erin, sam, alice, bob, carol, dave);
    }

    /** Loop's configuration for this community, on the simulator, with {@code database} as its SQLite file. */
    public Config config(Path database) {
        return ConfigLoader.parse(configYaml(database), "sandbox", Map.of());
    }

    /** As {@link #config(Path)}, with a {@code github:} section and its environment (token, simulator address). */
    Config config(Path database, String githubYaml, Map<String, String> environment) {
        return ConfigLoader.parse(configYaml(database) + githubYaml, "sandbox", environment);
    }

    /** The same configuration as a file's text, for {@code ./run.sh check} against the running sandbox. */
    public String configYaml(Path database) {
        return ConfigYaml.required(
                        guild.id(),
                        sim.restBaseUrl(),
                        sim.gatewayUrl(),
                        List.of(help.id(), support.id()),
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
                  shipped: shipped
                bugs:
                  debug-questions:
                    - Which version are you on?
                    - Steps to reproduce
                notices:
                  delivery: thread
                database:
                  path: "%s"
                reports:
                  weekly:
                    enabled: false
                  promises-daily:
                    enabled: false
                """.formatted(sam.id(), database.toString().replace("\\", "/"));
    }
}
