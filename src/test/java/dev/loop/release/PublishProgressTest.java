package dev.loop.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The progress message's pacing and wording. */
class PublishProgressTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();
    private final PublishProgress.Pacing pacing = new PublishProgress.Pacing(Duration.ofSeconds(5));

    @Test
    void anEditWaitsForATenthMoreTold() {
        PublishProgress.Reach reach = new PublishProgress.Reach(47, 0, 480);
        assertThat(pacing.due(0, 0, reach, 60 * SECOND)).isFalse();
        assertThat(pacing.due(0, 0, new PublishProgress.Reach(48, 0, 480), 60 * SECOND))
                .isTrue();
    }

    @Test
    void anEditWaitsForTheIntervalHoweverFastNoticesGo() {
        PublishProgress.Reach reach = new PublishProgress.Reach(400, 0, 480);
        assertThat(pacing.due(0, 0, reach, 4 * SECOND)).isFalse();
        assertThat(pacing.due(0, 0, reach, 5 * SECOND)).isTrue();
    }

    @Test
    void theTextCountsThenTallies() {
        assertThat(PublishProgress.text("2.4.0", new PublishProgress.Reach(120, 0, 480)))
                .isEqualTo("📣 Publishing **2.4.0**. Notified 120 of 480 requesters so far.");
        assertThat(PublishProgress.text("2.4.0", new PublishProgress.Reach(480, 0, 480)))
                .isEqualTo("📣 **2.4.0** is published. All 480 requesters were told.");
        assertThat(PublishProgress.text("2.4.0", new PublishProgress.Reach(1, 0, 1)))
                .isEqualTo("📣 **2.4.0** is published. The one requester was told.");
        assertThat(PublishProgress.text("2.4.0", new PublishProgress.Reach(470, 10, 480)))
                .isEqualTo("📣 **2.4.0** is published. 470 of 480 requesters were told; 10 could not be reached"
                        + " (/release-status 2.4.0 says who).");
    }
}
