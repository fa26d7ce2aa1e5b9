package dev.loop.core;

/** `./run.sh sandbox`: Loop against the built-in Discord simulator with a demo community. */
final class Sandbox {
    private Sandbox() {
    }

    static int main(String[] args) {
        System.err.println("The sandbox is not available in this build yet: it needs the Discord simulator and the "
                + "capture, triage and release features. Run ./run.sh test to see what works.");
        return 3;
    }
}
