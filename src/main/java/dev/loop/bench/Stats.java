package dev.loop.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Percentiles of a set of durations, nearest-rank, in milliseconds. */
record Stats(int count, double p50, double p90, double p99, double max, double mean) {

    static final Stats EMPTY = new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    static Stats ofNanos(long[] nanos) {
        if (nanos.length == 0) return EMPTY;
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (long n : sorted) sum += n;
        return new Stats(
                sorted.length,
                ms(rank(sorted, 0.50)),
                ms(rank(sorted, 0.90)),
                ms(rank(sorted, 0.99)),
                ms(sorted[sorted.length - 1]),
                sum / sorted.length / 1e6);
    }

    private static long rank(long[] sorted, double q) {
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", count);
        m.put("p50_ms", p50);
        m.put("p90_ms", p90);
        m.put("p99_ms", p99);
        m.put("max_ms", max);
        m.put("mean_ms", mean);
        return m;
    }
}
