package io.credbridge.transcript.files;

import java.security.PublicKey;
import java.util.Map;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/**
 * The host key the SFTP server must present, from a known_hosts line ({@code host key-type base64}, hashed host
 * names included) or a bare public key line ({@code key-type base64}).
 */
final class KnownHostKey {

    private final PublicKey key;

    private KnownHostKey(PublicKey key) {
        this.key = key;
    }

    /**
     * @param line the configured known_hosts line
     * @param host the configured host, which the line's host patterns must match when it has them
     */
    static KnownHostKey of(String line, String host, int port) {
        String setting = "credbridge.transcript.files.sftp.known-hosts";
        String trimmed = line.strip();
        try {
            PublicKeyEntry entry;
            if (startsWithKeyType(trimmed)) {
                entry = AuthorizedKeyEntry.parseAuthorizedKeyEntry(trimmed);
            } else {
                KnownHostEntry known = KnownHostEntry.parseKnownHostEntry(trimmed);
                if (!known.isHostMatch(host, port)) {
                    throw new IllegalStateException(setting + " is a line for other hosts than " + host + ":" + port
                            + " (" + trimmed.split(" ")[0] + "); take the line ssh-keyscan -p " + port + " " + host
                            + " prints, after checking the key with the server's administrator");
                }
                entry = known.getKeyEntry();
            }
            PublicKey key = entry.resolvePublicKey(null, Map.of(), PublicKeyEntryResolver.FAILING);
            if (key == null) {
                throw new IllegalArgumentException("no public key in it");
            }
            return new KnownHostKey(key);
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(
                    setting + " is not a known_hosts line (" + e.getMessage() + "); give the line ssh-keyscan -p "
                            + port + " " + host + " prints, e.g. \"" + host + " ssh-ed25519 AAAAC3...\"",
                    e);
        }
    }

    boolean matches(PublicKey presented) {
        return KeyUtils.compareKeys(key, presented);
    }

    String fingerprint() {
        return KeyUtils.getFingerPrint(key);
    }

    static String fingerprint(PublicKey presented) {
        return KeyUtils.getFingerPrint(presented);
    }

    private static boolean startsWithKeyType(String line) {
        String first = line.split("\\s+", 2)[0];
        return first.startsWith("ssh-") || first.startsWith("ecdsa-") || first.startsWith("sk-");
    }
}
