package dev.loop.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** 50,000 members stay cheap: created quickly and loaded by JDA through member chunking. */
class LargeGuildTest {
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void jdaLoadsFiftyThousandMembers() throws InterruptedException {
        try (Sim sim = Sim.start()) {
            SimGuild guild = sim.guild("big");
            guild.addMembers(50_000, "member");
            assertThat(guild.memberCount()).isGreaterThanOrEqualTo(50_000);
            JDA jda = SimJda.builder(sim).build().awaitReady();
            try {
                Guild g = jda.getGuildById(guild.id());
                assertThat(g.getMemberCount()).isEqualTo(guild.memberCount());
                assertThat(g.getMemberCache().size()).isEqualTo(guild.memberCount());
                assertThat(g.getMembersByName("member49999", false)).hasSize(1);
            } finally {
                SimJda.shutdown(jda);
            }
        }
    }
}
