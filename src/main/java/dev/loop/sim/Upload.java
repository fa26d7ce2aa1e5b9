package dev.loop.sim;

/** One {@code files[n]} part of a multipart request. */
record Upload(int index, String filename, String contentType, byte[] data) {}
