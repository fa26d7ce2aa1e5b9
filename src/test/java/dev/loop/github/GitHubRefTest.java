package dev.loop.github;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GitHubRefTest {

    @Test
    void numbersAndAddressesOfTheConfiguredRepositoryAreIssues() {
        assertThat(GitHubRef.parse("#123", "acme/widget")).contains(123);
        assertThat(GitHubRef.parse(" 42 ", "acme/widget")).contains(42);
        assertThat(GitHubRef.parse("https://github.com/acme/widget/issues/7", "acme/widget"))
                .contains(7);
        assertThat(GitHubRef.parse("https://github.com/Acme/Widget/issues/7#issuecomment-1", "acme/widget"))
                .contains(7);
        assertThat(GitHubRef.parse("https://ghe.example.com/acme/widget/issues/8", "acme/widget"))
                .contains(8);
    }

    @Test
    void anythingElseIsNot() {
        assertThat(GitHubRef.parse("https://github.com/other/widget/issues/7", "acme/widget"))
                .isEmpty();
        assertThat(GitHubRef.parse("#0", "acme/widget")).isEmpty();
        assertThat(GitHubRef.parse("#12345678901", "acme/widget")).isEmpty();
        assertThat(GitHubRef.parse("seven", "acme/widget")).isEmpty();
        assertThat(GitHubRef.parse("", "acme/widget")).isEmpty();
        assertThat(GitHubRef.parse(null, "acme/widget")).isEmpty();
    }
}
