package io.credbridge.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A Java process a fault test starts, kills with SIGKILL and starts again; its output goes to a file the test names in
 * its failures. Started with this JVM's own java and, for classes, this JVM's class path.
 */
public final class ChildJvm implements AutoCloseable {

    private final List<String> command;
    private final Path log;
    private Process process;

    private ChildJvm(List<String> command, Path log) {
        this.command = command;
        this.log = log;
    }

    /** {@code java -jar jar args...} */
    public static ChildJvm ofJar(Path jar, Path log, List<String> jvmOptions, List<String> args) {
        return ofJar(Path.of(java()), jar, log, jvmOptions, args);
    }

    /** {@code <java> -jar jar args...}, with another Java runtime than this JVM's (an app that needs a newer one). */
    public static ChildJvm ofJar(Path java, Path jar, Path log, List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(args);
        return new ChildJvm(command, log);
    }

    /** {@code java -cp <this JVM's class path> mainClass args...} */
    public static ChildJvm ofMainClass(Class<?> mainClass, Path log, List<String> args) {
        List<String> command = new ArrayList<>(
                List.of(java(), "-Xmx512m", "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(args);
        return new ChildJvm(command, log);
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public synchronized ChildJvm start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running: " + command);
        }
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return this;
    }

    /** Waits until {@code ready} holds, failing with the log's path when the process dies or time runs out. */
    public void awaitReady(BooleanSupplier ready, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!ready.getAsBoolean()) {
            if (!isAlive()) {
                throw new IllegalStateException("the process ended (exit " + process.exitValue() + "); see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not ready within " + patience + "; see " + log);
            }
            Thread.sleep(100);
        }
    }

    public boolean logContains(String text) {
        try {
            return Files.exists(log) && Files.readString(log).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /** How often {@code text} is in the log: a restarted process says it is ready once more than before. */
    public long logOccurrences(String text) {
        try {
            if (!Files.exists(log)) {
                return 0;
            }
            String all = Files.readString(log);
            long found = 0;
            for (int at = all.indexOf(text); at >= 0; at = all.indexOf(text, at + text.length())) {
                found++;
            }
            return found;
        } catch (IOException e) {
            return 0;
        }
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hook runs, nothing is flushed or committed. */
    public synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /** Waits for a process that ends by itself (a one-off command), killing it when it has not within {@code patience}. */
    public void awaitExit(Duration patience) throws InterruptedException {
        Process running;
        synchronized (this) {
            running = process;
        }
        if (!running.waitFor(patience.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            running.destroyForcibly();
            throw new IllegalStateException("did not exit within " + patience + "; see " + log);
        }
    }

    public synchronized int exitValue() {
        return process.exitValue();
    }

    public Path log() {
        return log;
    }

    /** Asks the process to stop (SIGTERM) and kills it when it has not within 20 s. */
    @Override
    public synchronized void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
