package io.credbridge.transcript.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A real SFTP server (Apache MINA SSHD) in this JVM, its files in a temporary folder: a password account, a
 * public-key account, a host key of its own, and a switch that drops the connection in the middle of an upload.
 */
public final class SftpServerDouble implements AutoCloseable {

    public static final String USER = "credbridge";
    public static final String PASSWORD = "s3cret";

    private final SshServer server;
    private final Path root;
    private final PublicKey hostKey;
    private volatile PublicKey authorizedKey;
    private final AtomicInteger dropAfterWrites = new AtomicInteger(-1);

    private SftpServerDouble(SshServer server, Path root, PublicKey hostKey) {
        this.server = server;
        this.root = root;
        this.hostKey = hostKey;
    }

    public static SftpServerDouble start(Path root) throws Exception {
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider();
        keys.setAlgorithm(KeyUtils.EC_ALGORITHM);
        server.setKeyPairProvider(keys);
        PublicKey hostKey = keys.loadKeys(null).iterator().next().getPublic();
        SftpServerDouble created = new SftpServerDouble(server, root, hostKey);
        server.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
        server.setPublickeyAuthenticator((user, key, session) ->
                USER.equals(user) && created.authorizedKey != null && KeyUtils.compareKeys(created.authorizedKey, key));
        SftpSubsystemFactory sftp = new SftpSubsystemFactory();
        sftp.addSftpEventListener(created.new ConnectionDropper());
        server.setSubsystemFactories(List.of(sftp));
        server.setFileSystemFactory(new VirtualFileSystemFactory(root));
        server.start();
        return created;
    }

    public int port() {
        return server.getPort();
    }

    /** The known_hosts line for this server, as ssh-keyscan prints it. */
    public String knownHostsLine() {
        return "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(hostKey);
    }

    /** Lets the key pair's owner sign in as {@link #USER}. */
    void authorize(KeyPair client) {
        authorizedKey = client.getPublic();
    }

    /** The next upload's connection is dropped after the server has written this many chunks of it. */
    void dropConnectionAfterWrites(int writes) {
        dropAfterWrites.set(writes);
    }

    /** A drop into this server's folder (created now), signed in with the password and the right host key. */
    SftpDrop dropInto(String folder) throws IOException {
        Files.createDirectories(root.resolve(folder));
        return SftpDrop.of(new FileSettings.Sftp(
                "127.0.0.1",
                port(),
                USER,
                PASSWORD,
                null,
                null,
                knownHostsLine(),
                folder,
                Duration.ofSeconds(10),
                Duration.ofSeconds(10)));
    }

    public Path file(String name) {
        return root.resolve(name);
    }

    List<String> fileNames() throws IOException {
        return fileNames(".");
    }

    /** The names in a folder of the server, hidden ones included. */
    public List<String> fileNames(String folder) throws IOException {
        try (var files = Files.list(root.resolve(folder))) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    /** Drops the session mid-file, as a network failure or a server restart would. */
    private final class ConnectionDropper implements SftpEventListener {

        @Override
        public void written(
                ServerSession session,
                String remoteHandle,
                FileHandle localHandle,
                long offset,
                byte[] data,
                int dataOffset,
                int dataLen,
                Throwable thrown)
                throws IOException {
            if (dropAfterWrites.get() > 0 && dropAfterWrites.decrementAndGet() == 0) {
                dropAfterWrites.set(-1);
                session.close(true);
            }
        }
    }
}
