package io.credbridge.transcript.files;

import java.util.List;

/**
 * Where import files are put for the SIS and its acknowledgement files picked up: a local directory or an SFTP
 * server. A file appears under its name whole or not at all; a drop that cannot be reached throws {@link
 * io.credbridge.transcript.TransientSisFailure}.
 */
public interface FileDrop {

    /**
     * Puts the file under its name in one step (written under a temporary name, then renamed), so the SIS never
     * loads a file still being written or cut short. Returns false, writing nothing, when a file of that name is
     * there already: the same batch was delivered before.
     */
    boolean put(String name, byte[] content);

    /** The names of the files in the directory that match the glob (e.g. {@code *.ack.csv}), in name order. */
    List<String> list(String directory, String glob);

    byte[] read(String directory, String name);

    /** Where the files go, for messages: a path or {@code sftp://user@host:port}. */
    String describe();
}
