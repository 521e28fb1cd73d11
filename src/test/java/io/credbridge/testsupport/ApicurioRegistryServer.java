package io.credbridge.testsupport;

import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real Apicurio Registry (the io.apicurio:apicurio-registry-app tar.gz that the build unpacks into
 * target/apicurio-registry at pre-integration-test) run as a child process on free loopback ports with its default
 * in-memory H2 storage, once per test JVM (it is stopped when the JVM exits). Its 3.3 line needs Java 21, which the
 * tests look for beside this JVM; when there is none, the unpacked app is missing, or it does not start, every test
 * that asks for it is skipped with the reason.
 */
public final class ApicurioRegistryServer implements AutoCloseable {

    static final Path APP = Path.of("target", "apicurio-registry", "quarkus-run.jar");
    static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final Pattern JAVA_VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

    private final ChildJvm process;
    private final int port;
    private final Duration startup;

    private ApicurioRegistryServer(ChildJvm process, int port, Duration startup) {
        this.process = process;
        this.port = port;
        this.startup = startup;
    }

    private static ApicurioRegistryServer shared;
    private static String whyNot;

    /** The one registry of this test JVM, started by the first test that asks; or the test is skipped. */
    public static synchronized ApicurioRegistryServer sharedOrSkip() throws IOException, InterruptedException {
        if (whyNot != null) {
            abort(whyNot);
        }
        if (shared == null) {
            try {
                shared = start();
            } catch (org.opentest4j.TestAbortedException e) {
                whyNot = e.getMessage();
                throw e;
            }
            ApicurioRegistryServer started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "apicurio-registry-shutdown"));
            System.out.println("Apicurio Registry ready in " + started.startup().toMillis() + " ms");
        }
        return shared;
    }

    /** Starts the registry and waits until its Confluent-compatible API answers, or aborts the test. */
    private static ApicurioRegistryServer start() throws IOException, InterruptedException {
        if (!Files.isRegularFile(APP)) {
            abort("No Apicurio Registry app at " + APP.toAbsolutePath() + ": run the tests with mvn verify, whose"
                    + " pre-integration-test phase unpacks io.apicurio:apicurio-registry-app");
        }
        Optional<Path> java = java21OrNewer();
        if (java.isEmpty()) {
            abort("Apicurio Registry 3.3 needs Java 21 or newer and none was found (this JVM,"
                    + " -Dapicurio.java=<java executable>, or /usr/lib/jvm)");
        }
        int port = TestKafkaBroker.freePort();
        Path log = Files.createTempFile("apicurio-registry", ".log");
        ChildJvm process = ChildJvm.ofJar(
                java.get(),
                APP,
                log,
                List.of(
                        "-Xmx384m",
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-Dquarkus.http.host=127.0.0.1",
                        "-Dquarkus.http.port=" + port,
                        // Quarkus's management interface would otherwise take 0.0.0.0:9000, which others may hold.
                        "-Dquarkus.management.host=127.0.0.1",
                        "-Dquarkus.management.port=" + TestKafkaBroker.freePort()),
                List.of());
        long started = System.nanoTime();
        process.start();
        try {
            process.awaitReady(() -> answers(port), PATIENCE);
        } catch (IllegalStateException e) {
            process.close();
            abort("Apicurio Registry did not start here: " + e.getMessage());
        }
        return new ApicurioRegistryServer(process, port, Duration.ofNanos(System.nanoTime() - started));
    }

    /** The base address: the core API is below it at /apis/registry/v3, the Confluent-compatible one at /apis/ccompat/v7. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** From starting the process until its API answered. */
    public Duration startup() {
        return startup;
    }

    private static boolean answers(int port) {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/apis/ccompat/v7/subjects"))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Optional<Path> java21OrNewer() {
        String configured = System.getProperty("apicurio.java", "");
        if (!configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        if (Runtime.version().feature() >= 21) {
            return Optional.of(Path.of(System.getProperty("java.home"), "bin", "java"));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> featureOf(home) >= 21)
                    .map(home -> home.resolve("bin").resolve("java"))
                    .filter(Files::isExecutable)
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int featureOf(Path javaHome) {
        try {
            Matcher version = JAVA_VERSION.matcher(Files.readString(javaHome.resolve("release")));
            return version.find() ? Integer.parseInt(version.group(1)) : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
