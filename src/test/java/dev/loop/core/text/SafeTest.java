package dev.loop.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SafeTest {

    private static boolean hasBrokenSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))))
                return true;
            if (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)))) return true;
        }
        return false;
    }

    @Test
    void shortTextIsUntouched() {
        assertThat(Safe.truncate("hello", 5)).isEqualTo("hello");
        assertThat(Safe.truncate("", 5)).isEmpty();
        assertThat(Safe.truncate(null, 5)).isEmpty();
    }

    @Test
    void longTextGetsAnEllipsisWithinTheLimit() {
        assertThat(Safe.truncate("hello world", 6)).isEqualTo("hello…");
        assertThat(Safe.truncate("hello world", 1)).isEqualTo("…");
        assertThatThrownBy(() -> Safe.truncate("x", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverSplitsASurrogatePair() {
        String text = "ab😀😀😀"; // each emoji is two UTF-16 units
        for (int max = 1; max <= text.length(); max++) {
            String t = Safe.truncate(text, max);
            assertThat(t.length()).isLessThanOrEqualTo(max);
            assertThat(hasBrokenSurrogate(t)).as("max %d gave %s", max, t).isFalse();
        }
        assertThat(Safe.truncate(text, 4)).isEqualTo("ab…");
        assertThat(Safe.truncate(text, 5)).isEqualTo("ab😀…");
    }

    @Test
    void keepsEmojiSequencesWhole() {
        String family = "👨‍👩‍👧"; // man ZWJ woman ZWJ girl: 8 UTF-16 units, one character on screen
        String flag = "🇫🇷";
        String text = "x" + family + flag + "yz";
        assertThat(Safe.truncate(text, 9)).isEqualTo("x…");
        assertThat(Safe.truncate(text, 10)).isEqualTo("x" + family + "…");
        assertThat(Safe.truncate(text, 13)).isEqualTo("x" + family + "…");
        assertThat(Safe.truncate(text, 14)).isEqualTo("x" + family + flag + "…");
    }

    @Test
    void rightToLeftTextTruncatesOnCharacters() {
        String hebrew = "שלום עולם, זה טקסט ארוך";
        String t = Safe.truncate(hebrew, 10);
        assertThat(t).isEqualTo("שלום עולם…");
        String arabic = "مرحبا بالعالم";
        assertThat(Safe.truncate(arabic, 6)).isEqualTo("مرحبا…");
    }

    @Test
    void tenThousandCharacters() {
        String big = "😀a".repeat(3_334); // 10,002 UTF-16 units
        String t = Safe.truncate(big, 2000);
        assertThat(t.length()).isLessThanOrEqualTo(2000);
        assertThat(t).endsWith("…");
        assertThat(hasBrokenSurrogate(t)).isFalse();
        assertThat(t.length()).isGreaterThanOrEqualTo(1998);
    }

    @Test
    void pathologicalCombiningMarksStillFill() {
        String zalgo = "a" + "\u0301".repeat(10_000);
        String t = Safe.truncate(zalgo, 100);
        assertThat(t).hasSize(100).startsWith("a").endsWith("…");
    }

    @Test
    void neutralisesMentions() {
        assertThat(Safe.neutraliseMentions("hi @everyone and @here")).isEqualTo("hi @\u200Beveryone and @\u200Bhere");
        assertThat(Safe.neutraliseMentions("@EVERYONE")).isEqualTo("@\u200BEVERYONE");
        assertThat(Safe.neutraliseMentions("<@123> <@!456> <@&789>"))
                .isEqualTo("<@\u200B123> <@\u200B!456> <@\u200B&789>");
        assertThat(Safe.neutraliseMentions("at <t:1700000000:R>, mail me@example.com"))
                .isEqualTo("at <t:1700000000:R>, mail me@example.com");
        assertThat(Safe.neutraliseMentions(null)).isEmpty();
    }

    @Test
    void neutralisingIsIdempotent() {
        String once = Safe.neutraliseMentions("@everyone <@1> <@&2> @here <#3> </a:4> <id:browse>");
        assertThat(Safe.neutraliseMentions(once)).isEqualTo(once);
    }

    @Test
    void escapesMarkdown() {
        assertThat(Safe.escapeMarkdown("**bold** _it_ ~~s~~ `c` ||spoiler|| [x](y)"))
                .isEqualTo("\\*\\*bold\\*\\* \\_it\\_ \\~\\~s\\~\\~ \\`c\\` \\|\\|spoiler\\|\\| \\[x\\](y)");
        assertThat(Safe.escapeMarkdown("a\\b")).isEqualTo("a\\\\b");
        assertThat(Safe.escapeMarkdown("# Title\n> quote\n- item\n1. first\n-# small"))
                .isEqualTo("\\# Title\n\\> quote\n\\- item\n1\\. first\n\\-# small");
        assertThat(Safe.escapeMarkdown("a - b > c # d")).isEqualTo("a - b > c # d");
    }

    @Test
    void leavesLinksIntact() {
        assertThat(Safe.escapeMarkdown("see https://example.com/a_b*c and _x_"))
                .isEqualTo("see https://example.com/a_b*c and \\_x\\_");
    }

    @Test
    void inlineIsOneSafeLine() {
        String t = Safe.inline("  **Crash** on\n@everyone <@1>\tlogin  ", 200);
        assertThat(t).isEqualTo("\\*\\*Crash\\*\\* on @\u200Beveryone <@\u200B1> login");
        assertThat(Safe.inline("x".repeat(300), 100)).hasSize(100).endsWith("…");
        assertThat(Safe.inline(null, 10)).isEmpty();
    }

    @Test
    void blockKeepsLinesButNotMentions() {
        assertThat(Safe.block("line one\n@here line *two*", 100)).isEqualTo("line one\n@\u200Bhere line *two*");
    }

    @Test
    void blockBreaksCodeFencesSoTheyCannotSwallowWhatFollows() {
        assertThat(Safe.block("try this:\n```\nloop --fix", 100))
                .isEqualTo("try this:\n`\u200B`\u200B`\nloop --fix")
                .doesNotContain("``");
        assertThat(Safe.block("````a", 100)).isEqualTo("`\u200B`\u200B`\u200B`a");
    }

    @Test
    void blockEscapesLayoutMarkupAtTheStartOfALine() {
        assertThat(Safe.block(
                        "# Big\n## Bigger\n### Biggest\n-# small\n> quote\n>>> all quoted\n- item\n* star\n2. second",
                        500))
                .isEqualTo("\\# Big\n\\## Bigger\n\\### Biggest\n\\-# small\n\\> quote\n\\>>> all quoted\n"
                        + "\\- item\n\\* star\n2\\. second");
        assertThat(Safe.block("a # b > c - d", 100)).isEqualTo("a # b > c - d");
        assertThat(Safe.block("a\n  > indented", 100)).isEqualTo("a\n  \\> indented");
    }

    @Test
    void maskedLinksShowTheirTarget() {
        assertThat(Safe.block("see [click here](https://evil.example/x?a=1) now", 200))
                .isEqualTo("see click here (<https://evil.example/x?a=1>) now");
        assertThat(Safe.block("[docs](<https://example.com/d> \"tip\")", 200))
                .isEqualTo("docs (<https://example.com/d>)");
        assertThat(Safe.block("[](https://x.example)", 200)).isEqualTo("<https://x.example>");
        assertThat(Safe.inline("[link](https://example.com) title", 200))
                .isEqualTo("link (<https://example.com>) title");
        // odd shapes that are not a clean masked link still never read as one
        assertThat(Safe.unmaskLinks("[a](b c)")).isEqualTo("[a]\u200B(b c)");
        assertThat(Safe.block("[[a](https://in.example)](https://out.example)", 200))
                .doesNotContain("](")
                .contains("https://in.example")
                .contains("https://out.example");
    }

    @Test
    void everyKindOfMentionIsBroken() {
        assertThat(Safe.neutraliseMentions("<#42> </deploy:123> </issue show:9> <id:customize>"))
                .isEqualTo("<#\u200B42> <\u200B/deploy:123> <\u200B/issue show:9> <\u200Bid:customize>");
        assertThat(Safe.neutraliseMentions("at <t:1700000000:R> <:otter:77>"))
                .isEqualTo("at <t:1700000000:R> <:otter:77>");
    }

    @Test
    void hostileTextOfTenThousandCharacters() {
        String hostile = ("@everyone <@&1> **x** 😀 שלום `" + "\"'; DROP TABLE issue; --").repeat(200);
        String t = Safe.inline(hostile, 1024);
        assertThat(t.length()).isLessThanOrEqualTo(1024);
        assertThat(t).doesNotContain("@everyone").doesNotContain("<@&1>");
        assertThat(hasBrokenSurrogate(t)).isFalse();
    }

    @Test
    void codeBlockCannotBeClosedFromInside() {
        String b = Safe.codeBlock("a```b````c", "java", 100);
        assertThat(b).startsWith("```java\n").endsWith("\n```");
        String body = b.substring("```java\n".length(), b.length() - 4);
        assertThat(body).doesNotContain("``");
        assertThat(body.replace(Safe.ZWSP, "")).isEqualTo("a```b````c");
        assertThat(Safe.codeBlock("x".repeat(5000), "sh", 1024)).hasSize(1024);
        assertThat(Safe.codeBlock("x", "js; rm -rf", 50)).startsWith("```jsrm-rf\n");
    }
}
