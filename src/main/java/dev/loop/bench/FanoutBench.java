package dev.loop.bench;

final class FanoutBench implements Bench.Benchmark {
    @Override
    public String title() {
        return "Fanout";
    }

    @Override
    public Outcome run(Scale scale, Bench.Progress progress) {
        throw new UnsupportedOperationException("not yet");
    }
}
