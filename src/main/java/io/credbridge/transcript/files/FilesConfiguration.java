package io.credbridge.transcript.files;

import io.credbridge.ops.CredBridgeMetrics;
import io.credbridge.transcript.ConditionalOnTranscriptTarget;
import io.credbridge.transcript.GuardedTranscriptWriter;
import io.credbridge.transcript.TemplateFiles;
import io.credbridge.transcript.TranscriptProperties;
import io.credbridge.transcript.TranscriptReadBack;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The import-file adapter, active when entries can go to {@code files} (the target, or a route's). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnTranscriptTarget(TranscriptProperties.Target.FILES)
class FilesConfiguration {

    /** Closed with the context (an SFTP drop holds a running SSH client). */
    @Bean
    FileDrop transcriptFileDrop(TranscriptProperties properties) {
        FileSettings settings = properties.files();
        return settings.delivery() == FileSettings.Delivery.SFTP
                ? SftpDrop.of(settings.sftp())
                : new DirectoryDrop(settings.directory());
    }

    @Bean
    GuardedTranscriptWriter filesTranscriptWriter(
            FileDrop drop,
            TranscriptProperties properties,
            ResourceLoader resources,
            NamedParameterJdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            CredBridgeMetrics metrics,
            Clock clock) {
        FileSettings settings = properties.files();
        FileTranscriptWriter writer = new FileTranscriptWriter(
                layout(settings, new TemplateFiles(resources), clock),
                drop,
                settings.filePrefix(),
                settings.acknowledgements() != null,
                new FileUploads(jdbc, transactions),
                clock);
        return GuardedTranscriptWriter.of(writer, properties, metrics);
    }

    @Bean
    @ConditionalOnProperty(name = "credbridge.transcript.files.acknowledgements.directory")
    FileAcknowledgements transcriptFileAcknowledgements(FileDrop drop, TranscriptProperties properties) {
        return new FileAcknowledgements(drop, properties.files().acknowledgements());
    }

    /** Reconciliation reads what the SIS loaded from its acknowledgement files. */
    @Bean
    @ConditionalOnProperty(name = "credbridge.transcript.files.acknowledgements.directory")
    TranscriptReadBack filesTranscriptReadBack(FileDrop drop, TranscriptProperties properties) {
        return new FileReadBack(drop, properties.files().acknowledgements());
    }

    static FileLayout layout(FileSettings settings, TemplateFiles files, Clock clock) {
        switch (settings.layout()) {
            case XML:
                return new AcademicAwardXmlLayout(settings.awardLevels(), clock);
            case TEMPLATE:
                return new TemplateLayout(
                        files.file(
                                "credbridge.transcript.files.template.location",
                                settings.template().location()),
                        settings.template().extension(),
                        settings.values(),
                        clock);
            case CSV:
            default:
                return new CsvLayout();
        }
    }
}
