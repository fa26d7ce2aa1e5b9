package dev.loop.sandbox;

/** {@code java -cp loop.jar dev.loop.sandbox.SandboxMain [--stay]}: what {@code ./run.sh sandbox} starts. */
public final class SandboxMain {

    private SandboxMain() {}

    public static void main(String[] args) {
        System.exit(Sandbox.main(args));
    }
}
