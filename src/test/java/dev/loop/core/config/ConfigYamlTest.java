package dev.loop.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigYamlTest {

    @Test
    void theRequiredSectionsLoadAsWritten() {
        String yaml = ConfigYaml.required(
                100000000000000001L,
                "http://127.0.0.1:9000/api/v10/",
                "ws://127.0.0.1:9001/",
                List.of(100000000000000002L, 100000000000000003L),
                100000000000000004L,
                100000000000000005L,
                100000000000000006L);
        Config c = ConfigLoader.parse(yaml + "notices:\n  delivery: dm\n", "test", Map.of());
        assertThat(c.discord().guildId()).isEqualTo(100000000000000001L);
        assertThat(c.discord().apiOverride()).contains("http://127.0.0.1:9000/api/v10/");
        assertThat(c.discord().gatewayOverride()).contains("ws://127.0.0.1:9001/");
        assertThat(c.channels().support()).containsExactly(100000000000000002L, 100000000000000003L);
        assertThat(c.channels().team()).isEqualTo(100000000000000004L);
        assertThat(c.channels().releases()).isEqualTo(100000000000000005L);
        assertThat(c.engineerRoles()).containsExactly(100000000000000006L);
        assertThat(c.noticeMode()).isEqualTo(Config.NoticeMode.DM);
    }
}
