package io.credbridge.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged jar started the way the README's "Restarts" tells production to: extracted ({@code -Djarmode=tools
 * extract}) and with a class data sharing archive trained by one start that stops once the context is refreshed. A
 * fault scenario starts the app a dozen times; each start then reads its classes from the archive instead of the
 * jar's nested jars (on 2 cores about a third of the CPU of a start from the fat jar).
 *
 * <p>The extraction and the archive are made once per build of the jar, in {@code target/trained-jar/}. When either
 * step fails the scenarios fall back to the fat jar: slower, never wrong, and the reason goes to standard error.
 */
public final class TrainedJar {

    private static final Path HOME = Path.of("target", "trained-jar");

    /**
     * Tests that start the app as a process measure correctness, not throughput: the client compiler alone and the
     * serial collector start it in about 60% of the time (embedded defaults on 2 cores: 18 s instead of 30 s).
     */
    public static final List<String> QUICK_START = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final Path jar;
    private final List<String> jvmOptions;

    private TrainedJar(Path jar, List<String> jvmOptions) {
        this.jar = jar;
        this.jvmOptions = jvmOptions;
    }

    /** The jar to pass to {@code -jar}. */
    public Path jar() {
        return jar;
    }

    /** What to add to the JVM options: the archive, when there is one. */
    public List<String> jvmOptions() {
        return jvmOptions;
    }

    /** The jar {@code mvn verify} packaged, trained and started with {@link #QUICK_START} (its options included). */
    public static TrainedJar quickStart() throws IOException {
        TrainedJar trained = of(packagedJar(), QUICK_START);
        List<String> options = new ArrayList<>(QUICK_START);
        options.addAll(trained.jvmOptions);
        return new TrainedJar(trained.jar, options);
    }

    private static Path packagedJar() throws IOException {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of("target"), "credbridge-*.jar")) {
            for (Path jar : jars) {
                if (!jar.getFileName().toString().contains("sources")) {
                    return jar.toAbsolutePath();
                }
            }
        }
        throw new IllegalStateException("no packaged jar in target/: run mvn verify (package comes first)");
    }

    /**
     * The trained form of {@code packagedJar}, made now unless this build of it was trained before. The training run
     * uses {@code trainingJvmOptions} (use the options the scenarios run with) and the embedded defaults.
     */
    private static synchronized TrainedJar of(Path packagedJar, List<String> trainingJvmOptions) {
        try {
            Path app = HOME.resolve("app").toAbsolutePath();
            Path archive = HOME.resolve("app.jsa").toAbsolutePath();
            Path extracted = app.resolve(packagedJar.getFileName());
            Path stamp = HOME.resolve("trained-from");
            String build = packagedJar.toAbsolutePath() + " " + Files.size(packagedJar) + " "
                    + Files.getLastModifiedTime(packagedJar).toMillis();
            if (Files.exists(stamp) && Files.readString(stamp).equals(build) && Files.exists(archive)) {
                return new TrainedJar(extracted, readingFrom(archive));
            }
            deleteRecursively(HOME);
            Files.createDirectories(HOME);
            run(
                    HOME.resolve("extract.log"),
                    List.of(
                            ChildJvm.java(),
                            "-Djarmode=tools",
                            "-jar",
                            packagedJar.toAbsolutePath().toString(),
                            "extract",
                            "--destination",
                            app.toString()));
            Path trainingDir = Files.createDirectories(HOME.resolve("training"));
            List<String> training = new ArrayList<>(List.of(ChildJvm.java()));
            training.addAll(trainingJvmOptions);
            training.addAll(List.of(
                    "-XX:ArchiveClassesAtExit=" + archive,
                    QUIET_CDS,
                    "-Dspring.context.exit=onRefresh",
                    "-jar",
                    extracted.toString(),
                    "--spring.profiles.active=demo",
                    "--server.port=0",
                    "--credbridge.embedded-kafka.port=" + freePort(),
                    "--credbridge.embedded-kafka.controller-port=" + freePort()));
            long started = System.nanoTime();
            run(HOME.resolve("training.log"), training, trainingDir);
            if (!Files.exists(archive)) {
                throw new IOException("the training run wrote no archive; see " + HOME.resolve("training.log"));
            }
            Files.writeString(stamp, build);
            System.err.printf(
                    "Trained a class data sharing archive for %s in %d s%n",
                    packagedJar.getFileName(), TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
            return new TrainedJar(extracted, readingFrom(archive));
        } catch (IOException | RuntimeException e) {
            System.err.println("Starting " + packagedJar.getFileName() + " untrained (from the fat jar): " + e);
            return new TrainedJar(packagedJar.toAbsolutePath(), List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TrainedJar(packagedJar.toAbsolutePath(), List.of());
        }
    }

    /** CDS warns about every class it cannot archive (generated accessors, for one); none of it matters here. */
    private static final String QUIET_CDS = "-Xlog:cds=off,cds+dynamic=off";

    private static List<String> readingFrom(Path archive) {
        return List.of("-XX:SharedArchiveFile=" + archive, QUIET_CDS);
    }

    private static void run(Path log, List<String> command) throws IOException, InterruptedException {
        run(log, command, Path.of("."));
    }

    private static void run(Path log, List<String> command, Path directory) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException(
                    "did not finish within 3 minutes: " + command.get(command.size() - 1) + "; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IOException("exit " + process.exitValue() + "; see " + log);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
