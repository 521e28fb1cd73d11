package io.credbridge.transcript.files;

import io.credbridge.transcript.AcknowledgementSource;
import io.credbridge.transcript.TranscriptAcknowledgements;

/**
 * The acknowledgement files in the configured folder of the delivery's own place (the directory's file system or
 * the SFTP server). They are left where they are: the SIS owns that folder, and a file is applied once by its name
 * and content however often it is read.
 */
final class FileAcknowledgements implements AcknowledgementSource {

    private final FileDrop drop;
    private final FileSettings.Acknowledgements settings;
    private final AcknowledgementCsv csv;

    FileAcknowledgements(FileDrop drop, FileSettings.Acknowledgements settings) {
        this.drop = drop;
        this.settings = settings;
        this.csv = new AcknowledgementCsv(settings);
    }

    @Override
    public void collect(TranscriptAcknowledgements acknowledgements) {
        for (String name : drop.list(settings.directory(), settings.filePattern())) {
            byte[] content = drop.read(settings.directory(), name);
            String sha256 = ContentHash.of(content);
            if (!acknowledgements.applied(name, sha256)) {
                acknowledgements.apply(name, sha256, csv.read(name, content));
            }
        }
    }
}
