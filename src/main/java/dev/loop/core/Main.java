package dev.loop.core;

public final class Main {
    public static void main(String[] args) {}
}
