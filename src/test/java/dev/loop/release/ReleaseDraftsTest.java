package dev.loop.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.core.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReleaseDraftsTest {

    final MovableClock clock = MovableClock.stoppedAt(Instant.parse("2026-01-01T00:00:00Z"));
    final ReleaseDrafts drafts = new ReleaseDrafts(clock);

    @Test
    void aDraftCarriesIssuesThenTextAndIsTakenOnce() {
        ReleaseDrafts.Draft d = drafts.create(7L, "1.0", List.of());
        assertThat(drafts.setIssues(d.id(), List.of(3, 5)))
                .hasValueSatisfying(x -> assertThat(x.issueNumbers()).containsExactly(3, 5));
        assertThat(drafts.setText(d.id(), "notes", null)).hasValueSatisfying(x -> {
            assertThat(x.notes()).isEqualTo("notes");
            assertThat(x.issueNumbers()).containsExactly(3, 5);
        });
        assertThat(drafts.take(d.id())).isPresent();
        assertThat(drafts.take(d.id())).isEmpty();
        assertThat(drafts.get(d.id())).isEmpty();
    }

    @Test
    void draftsExpireWithTheInteractionTokens() {
        ReleaseDrafts.Draft d = drafts.create(7L, "1.0", List.of(1));
        clock.advance(ReleaseDrafts.LIFETIME.minus(Duration.ofSeconds(1)));
        assertThat(drafts.get(d.id())).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(drafts.get(d.id())).isEmpty();
        assertThat(drafts.setText(d.id(), "n", null)).isEmpty();
    }

    @Test
    void reviewTextShowsWhoReviewedAndWhen() {
        Instant at = Instant.parse("2026-01-01T10:00:00Z");
        ReviewItem open = new ReviewItem(1, 1, 12, "Dark *mode*", 5L, 6L, null, null);
        assertThat(ReviewText.render("1.4.0", open, null))
                .isEqualTo(
                        "📝 **1.4.0** docs/copy: **#12** Dark \\*mode\\* needs docs or copy changes\n⬜ Not reviewed yet");
        ReviewItem done = new ReviewItem(2, 1, null, null, 5L, 7L, 99L, at);
        assertThat(ReviewText.render("1.4.0", done, "https://discord.com/channels/1/2/3"))
                .isEqualTo(
                        "📝 **Docs and copy review for 1.4.0**: the announcement text https://discord.com/channels/1/2/3\n"
                                + "✅ Reviewed by <@99> <t:" + at.getEpochSecond() + ":f>");
    }
}
