package io.credbridge.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own that takes TLS connections only: the Debian binaries
 * ({@code /usr/lib/postgresql/<version>/bin}), a throwaway CA and server certificate made with {@code openssl}, a
 * free port on 127.0.0.1 and a pg_hba.conf with {@code hostssl} lines alone. initdb refuses to run as root, so as root
 * the server's commands run as the {@code postgres} user through {@code runuser}. {@link #close} stops the server and
 * deletes its directory.
 */
public final class TlsPostgresServer implements AutoCloseable {

    private static final Path POSTGRES_VERSIONS = Path.of("/usr/lib/postgresql");
    private static final List<Path> RUNUSER = List.of(Path.of("/usr/sbin/runuser"), Path.of("/sbin/runuser"));
    private static final List<Path> OPENSSL = List.of(Path.of("/usr/bin/openssl"), Path.of("/bin/openssl"));

    private final Path bin;
    private final List<String> asServerUser;
    private final Path dir;
    private final int port;

    private TlsPostgresServer(Path bin, List<String> asServerUser, Path dir, int port) {
        this.bin = bin;
        this.asServerUser = asServerUser;
        this.dir = dir;
        this.port = port;
    }

    /** Why no such server can be started here, or empty when one can. */
    public static Optional<String> unavailableReason() {
        if (binaries().isEmpty()) {
            return Optional.of("no PostgreSQL server binaries in " + POSTGRES_VERSIONS
                    + "/<version>/bin (apt-get install postgresql) to start a private TLS server");
        }
        if (firstExisting(OPENSSL).isEmpty()) {
            return Optional.of("openssl is not installed, so no throwaway certificates can be made");
        }
        if (root() && firstExisting(RUNUSER).isEmpty()) {
            return Optional.of("running as root, and initdb refuses root, but runuser is absent to run it as postgres");
        }
        return Optional.empty();
    }

    /** Makes the certificates, initializes a cluster and starts it; waits until it takes connections. */
    public static TlsPostgresServer start() throws IOException, InterruptedException {
        Path bin = binaries()
                .orElseThrow(() -> new IllegalStateException(unavailableReason().orElseThrow()));
        List<String> asServerUser =
                root() ? List.of(firstExisting(RUNUSER).orElseThrow().toString(), "-u", "postgres", "--") : List.of();
        // The server's user creates everything inside; the test's user reads the certificates it needs.
        Path dir = Files.createTempDirectory(
                "credbridge-pg-tls",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        TlsPostgresServer server = new TlsPostgresServer(bin, asServerUser, dir, freePort());
        try {
            server.makeCertificates();
            server.initialize();
            server.run(
                    server.bin("pg_ctl"),
                    "-D",
                    server.data(),
                    "-l",
                    server.dir.resolve("server.log").toString(),
                    "-w",
                    "-t",
                    "30",
                    "start");
            return server;
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public int port() {
        return port;
    }

    /** The CA that signed the server's certificate, PEM. */
    public Path rootCertificate() {
        return dir.resolve("ca.crt");
    }

    /** A CA that signed nothing the server holds, PEM. */
    public Path strangerRootCertificate() {
        return dir.resolve("stranger-ca.crt");
    }

    /** A JDBC URL for the {@code postgres} database with the given driver parameters. */
    public String url(String parameters) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?" + parameters;
    }

    private void makeCertificates() throws IOException, InterruptedException {
        String openssl = firstExisting(OPENSSL).orElseThrow().toString();
        run(openssl, "ecparam", "-name", "prime256v1", "-out", file("ec.pem"));
        for (String ca : List.of("ca", "stranger-ca")) {
            certificate(
                    openssl,
                    ca,
                    "/CN=CredBridge test " + ca,
                    List.of(
                            "-addext", "basicConstraints=critical,CA:TRUE",
                            "-addext", "keyUsage=critical,keyCertSign,cRLSign"));
        }
        certificate(
                openssl,
                "server",
                "/CN=localhost",
                List.of(
                        "-CA",
                        file("ca.crt"),
                        "-CAkey",
                        file("ca.key"),
                        "-addext",
                        "subjectAltName=DNS:localhost,IP:127.0.0.1",
                        "-addext",
                        "basicConstraints=CA:FALSE"));
        run("chmod", "600", file("server.key"));
    }

    /** {@code name.key} and {@code name.crt}: self-signed, or signed by the CA the options name. */
    private void certificate(String openssl, String name, String subject, List<String> options)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                openssl, "req", "-x509", "-nodes", "-newkey", "ec:" + file("ec.pem"), "-days", "2", "-subj", subject));
        command.addAll(options);
        command.addAll(List.of("-keyout", file(name + ".key"), "-out", file(name + ".crt")));
        run(command.toArray(String[]::new));
    }

    private void initialize() throws IOException, InterruptedException {
        run(bin("initdb"), "-D", data(), "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8");
        // Written by the server's user, since the data directory is theirs alone.
        String settings = String.join(
                "\n",
                "listen_addresses = '127.0.0.1'",
                "port = " + port,
                "unix_socket_directories = '" + dir + "'",
                "ssl = on",
                "ssl_cert_file = '" + file("server.crt") + "'",
                "ssl_key_file = '" + file("server.key") + "'",
                "fsync = off",
                "shared_buffers = 16MB",
                "max_connections = 20",
                "");
        write(">>", data() + "/postgresql.conf", settings);
        // hostssl only: a connection without TLS finds no line and is refused.
        write(">", data() + "/pg_hba.conf", "hostssl all all 127.0.0.1/32 trust\n");
    }

    @Override
    public void close() {
        try {
            if (Files.exists(dir.resolve("data/postmaster.pid"))) {
                run(bin("pg_ctl"), "-D", data(), "-m", "immediate", "-w", "stop");
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        } finally {
            deleteQuietly(dir);
        }
    }

    private String data() {
        return dir.resolve("data").toString();
    }

    private String file(String name) {
        return dir.resolve(name).toString();
    }

    private String bin(String program) {
        return bin.resolve(program).toString();
    }

    private void run(String... command) throws IOException, InterruptedException {
        runWithInput(null, command);
    }

    /** Writes ({@code >}) or appends ({@code >>}) the text as the server's user. */
    private void write(String redirect, String file, String text) throws IOException, InterruptedException {
        runWithInput(text, "sh", "-c", "cat " + redirect + " '" + file + "'");
    }

    private void runWithInput(String input, String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(asServerUser);
        full.addAll(List.of(command));
        Process process = new ProcessBuilder(full)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        if (input != null) {
            process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + full);
        }
        if (process.exitValue() != 0) {
            String log = Files.exists(dir.resolve("server.log"))
                    ? "\nserver.log:\n" + Files.readString(dir.resolve("server.log"))
                    : "";
            throw new IllegalStateException("exit " + process.exitValue() + " from " + full + ":\n" + output + log);
        }
    }

    private static Optional<Path> binaries() {
        if (!Files.isDirectory(POSTGRES_VERSIONS)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(POSTGRES_VERSIONS)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin ->
                            Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
                    .max(Comparator.comparing(bin -> versionNumber(bin.getParent())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int versionNumber(Path version) {
        try {
            return Integer.parseInt(version.getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Optional<Path> firstExisting(List<Path> candidates) {
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteQuietly(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover directory in /tmp is no reason to fail a test.
        }
    }
}
