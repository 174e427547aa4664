package io.sesanalytics.tools.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The processes a test starts, each logging to a file of its own. Closing stops every one of them, with all
 * their descendants (a Worker's executors), also when the test failed or the JVM is shutting down.
 */
final class ChildProcesses implements AutoCloseable {
    private final Path logs;
    private final Deque<Process> started = new ArrayDeque<>();
    private final Thread onShutdown = new Thread(this::stopAll);

    ChildProcesses(Path logs) throws IOException {
        this.logs = Files.createDirectories(logs);
        Runtime.getRuntime().addShutdownHook(onShutdown);
    }

    Process start(String name, List<String> command, Map<String, String> environment, Path directory) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log(name).toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        synchronized (started) {
            started.push(process);
        }
        return process;
    }

    Path log(String name) {
        return logs.resolve(name + ".log");
    }

    /** Waits until the named log has a line that passes, failing with the log's tail after the timeout. */
    void awaitLine(String name, Process process, Predicate<String> line, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log(name)) && Files.readAllLines(log(name), StandardCharsets.UTF_8).stream().anyMatch(line)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail(name));
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " not ready after " + timeout + ":\n" + tail(name));
    }

    /** Waits for the process to end and returns its exit code, stopping it after the timeout. */
    int await(String name, Process process, Duration timeout) throws Exception {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            stop(process);
            throw new IllegalStateException(name + " still running after " + timeout + ":\n" + tail(name));
        }
        return process.exitValue();
    }

    String tail(String name) throws IOException {
        List<String> lines = Files.readAllLines(log(name), StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(onShutdown);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }

    private void stopAll() {
        synchronized (started) {
            while (!started.isEmpty()) {
                stop(started.pop());
            }
        }
    }

    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
