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
        assertThat(Safe.neutraliseMentions("see <#42> at <t:1700000000:R>, mail me@example.com"))
                .isEqualTo("see <#42> at <t:1700000000:R>, mail me@example.com");
        assertThat(Safe.neutraliseMentions(null)).isEmpty();
    }

    @Test
    void neutralisingIsIdempotent() {
        String once = Safe.neutraliseMentions("@everyone <@1> <@&2> @here");
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
    void blockClosesACodeFenceItLeavesOpen() {
        assertThat(Safe.block("try this:\n```\nloop --fix", 100)).isEqualTo("try this:\n```\nloop --fix\n```");
        assertThat(Safe.block("```a```", 100)).isEqualTo("```a```");
        // cut inside a code block by the truncation: still closed, still within the limit
        String cut = Safe.block("see\n```\n" + "x".repeat(200) + "\n```", 50);
        assertThat(cut).hasSizeLessThanOrEqualTo(50).startsWith("see\n```\nxx").endsWith("…\n```");
        // a cut that drops the opening fence needs no closing one
        assertThat(Safe.block("y".repeat(60) + "```", 50)).isEqualTo("y".repeat(49) + "…");
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
