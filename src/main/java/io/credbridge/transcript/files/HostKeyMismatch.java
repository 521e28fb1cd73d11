package io.credbridge.transcript.files;

/**
 * The SFTP server presented a host key other than the configured one: it may be another machine (a DNS or
 * network mistake, or someone in the middle), so nothing is sent to it. Retrying cannot fix that; an administrator
 * checks the server and, if its key really changed, updates {@code credbridge.transcript.files.sftp.known-hosts}.
 */
public class HostKeyMismatch extends RuntimeException {

    private static final long serialVersionUID = 1L;

    HostKeyMismatch(String message) {
        super(message);
    }
}
