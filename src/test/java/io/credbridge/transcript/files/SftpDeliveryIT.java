package io.credbridge.transcript.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credbridge.ops.CredBridgeMetrics;
import io.credbridge.testsupport.H2TestDatabase;
import io.credbridge.testsupport.MigratedDatabase;
import io.credbridge.transcript.GuardedTranscriptWriter;
import io.credbridge.transcript.PermanentSisRejection;
import io.credbridge.transcript.SampleEntries;
import io.credbridge.transcript.TranscriptEntry;
import io.credbridge.transcript.TranscriptProperties;
import io.credbridge.transcript.TransientSisFailure;
import io.credbridge.transcript.WrittenEntry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Import files over SFTP against a real SFTP server (Apache MINA SSHD) in this JVM. */
@Timeout(60)
class SftpDeliveryIT {

    static final Instant NOW = Instant.parse("2026-11-30T09:15:00.250Z");

    @TempDir
    Path serverRoot;

    @TempDir
    Path keys;

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private SftpServerDouble server;
    private SftpDrop drop;

    @BeforeEach
    void startServer() throws Exception {
        server = SftpServerDouble.start(serverRoot);
    }

    @AfterEach
    void stop() throws Exception {
        if (drop != null) {
            drop.close();
        }
        server.close();
    }

    @Test
    void aBatchSignedInWithAPasswordLandsUnderItsFinalNameWithTheLayoutsBytes() throws Exception {
        FileTranscriptWriter writer = writer(settings(SftpServerDouble.PASSWORD, null, server.knownHostsLine()));
        List<TranscriptEntry> batch = List.of(SampleEntries.issued("award-1"), SampleEntries.issued("award-2"));

        List<WrittenEntry> written = writer.write(batch);

        assertThat(server.fileNames()).singleElement().satisfies(name -> {
            assertThat(written)
                    .as("each record is known by its file and number")
                    .extracting(WrittenEntry::sisRecordId)
                    .containsExactly(name + "#1", name + "#2");
            assertThat(name).matches("transcript-20261130T091500250Z-[0-9a-f]{8}\\.csv");
            assertThat(Files.readAllBytes(server.file(name))).isEqualTo(new CsvLayout().render("unused", batch));
        });
    }

    @Test
    void aPrivateKeySignsInInsteadOfAPassword() throws Exception {
        KeyPair client = KeyUtils.generateKeyPair("ecdsa-sha2-nistp256", 256);
        server.authorize(client);
        Path keyFile = keys.resolve("id_ecdsa");
        try (OutputStream out = Files.newOutputStream(keyFile)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(client, "credbridge", null, out);
        }

        writer(settings(null, keyFile, server.knownHostsLine())).write(List.of(SampleEntries.issued("award-1")));

        assertThat(server.fileNames()).hasSize(1);
    }

    @Test
    void aServerPresentingAnotherHostKeyIsRefusedBeforeAnythingIsSentAndTheRefusalIsPermanent() throws Exception {
        KeyPair impostor = KeyUtils.generateKeyPair("ecdsa-sha2-nistp256", 256);
        String otherKey = "[127.0.0.1]:" + server.port() + " " + PublicKeyEntry.toString(impostor.getPublic());
        FileTranscriptWriter writer = writer(settings(SftpServerDouble.PASSWORD, null, otherKey));

        assertThatThrownBy(() -> writer.write(List.of(SampleEntries.issued("award-1"))))
                .isInstanceOf(PermanentSisRejection.class)
                .hasMessageContaining("award-1/ISSUED")
                .hasMessageContaining("presented host key SHA256:")
                .hasMessageContaining("not the configured " + KeyUtils.getFingerPrint(impostor.getPublic()))
                .hasMessageContaining("credbridge.transcript.files.sftp.known-hosts")
                .satisfies(refusal ->
                        assertThat(((PermanentSisRejection) refusal).sisCode()).isEqualTo("HostKeyMismatch"));
        assertThat(server.fileNames()).isEmpty();
    }

    @Test
    void aKnownHostsLineForAnotherHostStopsStartupSayingWhatToTake() {
        String line = "sis-files.example.edu " + server.knownHostsLine().split(" ", 2)[1];

        assertThatThrownBy(() -> SftpDrop.of(settings(SftpServerDouble.PASSWORD, null, line)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("credbridge.transcript.files.sftp.known-hosts is a line for other hosts than"
                        + " 127.0.0.1:" + server.port())
                .hasMessageContaining("ssh-keyscan -p " + server.port() + " 127.0.0.1");
    }

    @Test
    void anUploadCutOffMidFileLeavesNothingUnderTheFinalNameAndTheRetryDeliversItWhole() throws Exception {
        FileTranscriptWriter writer = writer(settings(SftpServerDouble.PASSWORD, null, server.knownHostsLine()));
        // Large enough to take several SFTP writes: the connection drops after the first one reached the disk.
        List<TranscriptEntry> batch = IntStream.range(0, 600)
                .mapToObj(i -> SampleEntries.issued("award-" + i))
                .toList();
        byte[] whole = new CsvLayout().render("unused", batch);
        server.dropConnectionAfterWrites(1);

        assertThatThrownBy(() -> writer.write(batch)).isInstanceOf(TransientSisFailure.class);

        assertThat(server.fileNames())
                .as("only the hidden temporary file, cut short, is on the server")
                .singleElement()
                .satisfies(name -> {
                    assertThat(name).startsWith(".transcript-").endsWith(".csv.part");
                    assertThat(Files.size(server.file(name))).isLessThan(whole.length);
                });

        writer.write(batch);

        assertThat(server.fileNames()).singleElement().satisfies(name -> {
            assertThat(name).startsWith("transcript-").endsWith(".csv");
            assertThat(Files.readAllBytes(server.file(name))).isEqualTo(whole);
        });
    }

    @Test
    void aServerThatCannotBeReachedIsATransientFailureThatOpensTheBreaker() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        FileSettings.Sftp unreachable = new FileSettings.Sftp(
                "127.0.0.1",
                closedPort,
                SftpServerDouble.USER,
                SftpServerDouble.PASSWORD,
                null,
                null,
                server.knownHostsLine().replace("]:" + server.port(), "]:" + closedPort),
                ".",
                Duration.ofSeconds(2),
                Duration.ofSeconds(2));
        GuardedTranscriptWriter guarded = GuardedTranscriptWriter.of(
                writer(unreachable),
                new TranscriptProperties(
                        TranscriptProperties.Target.FILES,
                        List.of(),
                        new TranscriptProperties.Breaker(50, 2, 2, Duration.ofMinutes(1), 1),
                        null,
                        null,
                        null,
                        Duration.ofMinutes(1),
                        new TranscriptProperties.Reconciliation(false, Duration.ofHours(1))),
                new CredBridgeMetrics(new SimpleMeterRegistry()));

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> guarded.write(List.of(SampleEntries.issued("award-1"))))
                    .isInstanceOf(TransientSisFailure.class)
                    .hasMessageContaining("cannot upload")
                    .hasMessageContaining("sftp://credbridge@127.0.0.1:" + closedPort);
        }
        assertThat(guarded.state()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    private FileSettings.Sftp settings(String password, Path privateKey, String knownHosts) {
        return new FileSettings.Sftp(
                "127.0.0.1",
                server.port(),
                SftpServerDouble.USER,
                password,
                privateKey,
                null,
                knownHosts,
                ".",
                Duration.ofSeconds(10),
                Duration.ofSeconds(10));
    }

    private FileTranscriptWriter writer(FileSettings.Sftp settings) {
        if (drop != null) {
            throw new IllegalStateException("one drop per test");
        }
        drop = SftpDrop.of(settings);
        return new FileTranscriptWriter(
                new CsvLayout(),
                drop,
                "transcript",
                false,
                AcknowledgementFilesIT.uploads(MigratedDatabase.of(H2TestDatabase.newDataSource())),
                clock);
    }
}
