package dev.loop.github;

import java.io.IOException;
import java.time.Clock;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/** Limit handlers that fail at once, carrying what GitHub said about when to come back. */
final class FailFast {
    private FailFast() {}

    static final class Limited extends IOException {
        final transient GitHubAnswer answer;

        Limited(GitHubAnswer answer, String message) {
            super(message);
            this.answer = answer;
        }
    }

    static GitHubAnswer read(GitHubConnectorResponse r, Clock clock) {
        String body = "";
        return ConditionalGets.answer(r.statusCode(), r::header, body, clock.instant());
    }

    static final class Primary extends GitHubRateLimitHandler {
        private final Clock clock;

        Primary(Clock clock) {
            this.clock = clock;
        }

        @Override
        public void onError(GitHubConnectorResponse r) throws IOException {
            GitHubAnswer a = read(r, clock);
            if (a instanceof GitHubAnswer.Refused) a = new GitHubAnswer.RateLimited(null);
            throw new Limited(a, "GitHub rate limit (" + r.statusCode() + ")");
        }
    }

    static final class Secondary extends GitHubAbuseLimitHandler {
        private final Clock clock;

        Secondary(Clock clock) {
            this.clock = clock;
        }

        @Override
        public void onError(GitHubConnectorResponse r) throws IOException {
            GitHubAnswer a = read(r, clock);
            if (!(a instanceof GitHubAnswer.SecondaryLimited)) a = new GitHubAnswer.SecondaryLimited(null);
            throw new Limited(a, "GitHub secondary rate limit (" + r.statusCode() + ")");
        }
    }
}
