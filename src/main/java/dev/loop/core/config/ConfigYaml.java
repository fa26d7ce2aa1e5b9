package dev.loop.core.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes the sections every loop.yaml must have (discord, channels, roles) for a known server, so the sandbox, the
 * benchmarks and the tests that point Loop at the simulator build them one way. Other sections are appended as text.
 */
public final class ConfigYaml {

    private ConfigYaml() {}

    public static String required(
            long guild,
            String apiUrl,
            String gatewayUrl,
            List<Long> support,
            long team,
            long releases,
            long engineerRole) {
        return """
                discord:
                  guild: "%d"
                  api-url: "%s"
                  gateway-url: "%s"
                channels:
                  support: [%s]
                  team: "%d"
                  releases: "%d"
                roles:
                  engineers: ["%d"]
                """.formatted(
                        guild,
                        apiUrl,
                        gatewayUrl,
                        support.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(", ")),
                        team,
                        releases,
                        engineerRole);
    }
}
