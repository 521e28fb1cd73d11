package io.credbridge.transcript.files;

import io.credbridge.transcript.TransientSisFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

/**
 * Import files on an SFTP server (Apache MINA SSHD client). Each call opens its own session: batches are minutes
 * apart, and a session kept open would die in between anyway. The server must present the configured host key,
 * or it is refused before anything is sent ({@link HostKeyMismatch}); any other failure to reach it, sign in or
 * transfer is transient and retried. Files are written under a temporary name and renamed, so one cut short by a
 * dropped connection never shows under its own name.
 */
final class SftpDrop implements FileDrop, AutoCloseable {

    private final FileSettings.Sftp settings;
    private final KnownHostKey hostKey;
    private final List<KeyPair> identities;
    private final SshClient client;
    /**
     * The fingerprint of the key the verifier last refused, for the refusal's message. Kept here, not on the session:
     * a refusal during the key exchange can fail the connect itself, and then there is no session to ask. A drop
     * talks to one host, so the last refused key is that host's.
     */
    private volatile String lastRefusedKey;

    private SftpDrop(FileSettings.Sftp settings, KnownHostKey hostKey, List<KeyPair> identities) {
        this.settings = settings;
        this.hostKey = hostKey;
        this.identities = identities;
        this.client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier((session, remote, presented) -> {
            if (hostKey.matches(presented)) {
                return true;
            }
            lastRefusedKey = KnownHostKey.fingerprint(presented);
            return false;
        });
        // A server that stops answering mid-transfer closes the session, which fails the waiting call.
        CoreModuleProperties.IDLE_TIMEOUT.set(client, settings.timeout());
        CoreModuleProperties.AUTH_TIMEOUT.set(client, settings.connectTimeout());
        client.start();
    }

    /** Checks the settings (host key line, private key file) now, so a mistake stops startup rather than a write. */
    static SftpDrop of(FileSettings.Sftp settings) {
        KnownHostKey hostKey = KnownHostKey.of(settings.knownHosts(), settings.host(), settings.port());
        return new SftpDrop(settings, hostKey, identities(settings));
    }

    @Override
    public boolean put(String name, byte[] content) {
        return session("upload " + path(settings.remoteDirectory(), name), sftp -> {
            String target = path(settings.remoteDirectory(), name);
            if (exists(sftp, target)) {
                return false;
            }
            String temporary = path(settings.remoteDirectory(), TemporaryNames.of(name));
            try (OutputStream out = sftp.write(temporary)) {
                out.write(content);
            }
            sftp.rename(temporary, target);
            return true;
        });
    }

    @Override
    public List<String> list(String directory, String glob) {
        return session("list " + directory, sftp -> {
            // The SIS may create its acknowledgement folder only with its first acknowledgement.
            if (!exists(sftp, directory)) {
                return List.of();
            }
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            List<String> names = new ArrayList<>();
            for (SftpClient.DirEntry entry : sftp.readDir(directory)) {
                String name = entry.getFilename();
                if (entry.getAttributes().isRegularFile() && matcher.matches(Path.of(name))) {
                    names.add(name);
                }
            }
            names.sort(null);
            return names;
        });
    }

    @Override
    public byte[] read(String directory, String name) {
        return session("read " + path(directory, name), sftp -> {
            try (InputStream in = sftp.read(path(directory, name))) {
                return in.readAllBytes();
            }
        });
    }

    @Override
    public String describe() {
        return settings.toString();
    }

    @Override
    public void close() throws IOException {
        client.close();
    }

    @FunctionalInterface
    private interface SftpCall<T> {
        T on(SftpClient sftp) throws IOException;
    }

    private <T> T session(String what, SftpCall<T> call) {
        ClientSession session = null;
        try {
            session = client.connect(settings.username(), settings.host(), settings.port())
                    .verify(settings.connectTimeout())
                    .getSession();
            if (settings.password() != null && !settings.password().isEmpty()) {
                session.addPasswordIdentity(settings.password());
            }
            identities.forEach(session::addPublicKeyIdentity);
            session.auth().verify(settings.connectTimeout());
            try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
                return call.on(sftp);
            }
        } catch (IOException | RuntimeException e) {
            if (hostKeyRefused(e)) {
                throw new HostKeyMismatch(describe() + " presented host key " + lastRefusedKey + ", not the configured "
                        + hostKey.fingerprint() + ": nothing was sent. If the server's key really changed, check the"
                        + " new one with its administrator and set credbridge.transcript.files.sftp.known-hosts");
            }
            throw new TransientSisFailure("cannot " + what + " at " + describe() + ": " + message(e), Duration.ZERO, e);
        } finally {
            if (session != null) {
                session.close(true);
            }
        }
    }

    /**
     * Whether the connection ended because the verifier refused the host key: MINA gives that failure SSH disconnect
     * reason 9 (host key not verifiable), whether it fails the connect or the sign-in after it.
     */
    private static boolean hostKeyRefused(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SshException ssh
                    && ssh.getDisconnectCode() == SshConstants.SSH2_DISCONNECT_HOST_KEY_NOT_VERIFIABLE) {
                return true;
            }
        }
        return false;
    }

    private static boolean exists(SftpClient sftp, String path) throws IOException {
        try {
            sftp.stat(path);
            return true;
        } catch (SftpException e) {
            if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE) {
                return false;
            }
            throw e;
        }
    }

    private static String path(String directory, String name) {
        return directory.endsWith("/") ? directory + name : directory + "/" + name;
    }

    private static String message(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // The SSH library reports a refused sign-in as a list of methods tried; say what to check.
        if (message.contains("No more authentication methods")) {
            return message + " (the server refused the sign-in: check credbridge.transcript.files.sftp.username and"
                    + " password or private-key)";
        }
        return message;
    }

    private static List<KeyPair> identities(FileSettings.Sftp settings) {
        if (settings.privateKey() == null) {
            return List.of();
        }
        String setting = "credbridge.transcript.files.sftp.private-key";
        try (InputStream in = Files.newInputStream(settings.privateKey())) {
            FilePasswordProvider passphrase = settings.privateKeyPassphrase() == null
                    ? FilePasswordProvider.EMPTY
                    : FilePasswordProvider.of(settings.privateKeyPassphrase());
            List<KeyPair> keys = new ArrayList<>();
            Iterable<KeyPair> loaded = SecurityUtils.loadKeyPairIdentities(
                    null, NamedResource.ofName(settings.privateKey().toString()), in, passphrase);
            if (loaded != null) {
                loaded.forEach(keys::add);
            }
            if (keys.isEmpty()) {
                throw new IllegalStateException(setting + " names " + settings.privateKey()
                        + ", which holds no private key; give an OpenSSH or PEM private key file");
            }
            return List.copyOf(keys);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(
                    setting + " names " + settings.privateKey() + ", which cannot be read as a private key ("
                            + e.getMessage() + "); give an OpenSSH or PEM private key file (and"
                            + " private-key-passphrase when it is encrypted)",
                    e);
        }
    }
}
