package dev.loop.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Synthetic support-forum text: words drawn from a Zipf distribution over a vocabulary of common support words
 * followed by a long tail of made-up product terms, so a full-text index sees realistic posting-list lengths (a few
 * words in most documents, most words in few). Deterministic for a given seed.
 */
final class Words {

    /**
     * Distinct words in a corpus of about 100,000 issues. By Heaps' law (vocabulary ≈ K·n^β, K ≈ 10–100, β ≈ 0.4–0.6)
     * twelve million words of text hold on the order of 100,000 distinct ones; 40,000 stays on the cautious side,
     * since a smaller vocabulary makes every word more common and full-text search slower.
     */
    static final int CORPUS_VOCABULARY = 40_000;

    private static final String COMMON = """
            the app crash crashes error when on after start startup login sync fails failed cannot open save file
            update version install installer windows mac linux android ios button screen page dark mode settings
            slow freeze freezes hang loading blank white black shows missing wrong broken bug feature request please
            add support export import csv pdf image upload download timeout network offline connection server api
            token password reset email notification notifications sound audio video camera permission denied
            account delete remove duplicate duplicated twice sometimes always never random randomly click scroll
            keyboard shortcut shortcuts font size theme color layout mobile desktop browser chrome firefox safari
            edge plugin extension integration webhook discord slack github calendar reminder reminders schedule
            timezone date time format language translation spanish german french search filter sort list table
            chart graph report dashboard widget sidebar menu tab tabs window popup dialog modal tooltip icon logo
            memory cpu battery drain performance lag latency spinner progress bar retry again restart reboot
            reinstall cache cookies storage disk full quota limit exceeded invalid unknown unexpected null
            undefined exception stack trace log logs debug console message messages chat thread threads reply
            replies mention mentions role roles admin user users member members team teams workspace project
            projects folder folders tag tags label labels share sharing link links copy paste clipboard drag drop
            attachment attachments preview thumbnail zoom print printer scanner bluetooth wifi vpn proxy firewall
            ssl certificate expired https redirect loop infinite stuck beta release stable nightly build
            """;

    private static final String[] SYLLABLES = {
        "ka", "lo", "mi", "ne", "ru", "ta", "vo", "zi", "pe", "qu", "sa", "do", "fi", "gu", "ha", "je", "xo", "yu",
        "bre", "cla", "dro", "fle", "gri", "plo", "sta", "tri", "vex", "zor"
    };

    private final String[] vocabulary;
    private final double[] cdf;
    private final Random random;

    Words(long seed, int vocabularySize) {
        Set<String> words = new LinkedHashSet<>(Arrays.asList(COMMON.trim().split("\\s+")));
        Random names = new Random(42);
        while (words.size() < vocabularySize) {
            StringBuilder w = new StringBuilder();
            int parts = 2 + names.nextInt(3);
            for (int i = 0; i < parts; i++) w.append(SYLLABLES[names.nextInt(SYLLABLES.length)]);
            words.add(w.toString());
        }
        vocabulary = words.toArray(String[]::new);
        cdf = new double[vocabulary.length];
        double sum = 0;
        for (int i = 0; i < vocabulary.length; i++) {
            sum += 1.0 / (i + 1);
            cdf[i] = sum;
        }
        for (int i = 0; i < cdf.length; i++) cdf[i] /= sum;
        random = new Random(seed);
    }

    String word() {
        int i = Arrays.binarySearch(cdf, random.nextDouble());
        return vocabulary[i >= 0 ? i : Math.min(vocabulary.length - 1, -i - 1)];
    }

    String text(int words) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) b.append(' ');
            b.append(word());
        }
        return b.toString();
    }

    /** A title: capitalised, a handful of words. */
    String title() {
        String t = text(4 + random.nextInt(5));
        return Character.toUpperCase(t.charAt(0)) + t.substring(1);
    }

    List<String> texts(int count, int words) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) out.add(text(words));
        return out;
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }
}
