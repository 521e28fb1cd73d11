package io.credbridge.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kafka.server.KafkaConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Formats a broker's log directory for a new cluster, as {@code kafka-storage.sh format} does, but
 * only once: a directory that holds {@code meta.properties} keeps its data, offsets and cluster id.
 */
final class KafkaStorage {

    private static final Logger log = LoggerFactory.getLogger(KafkaStorage.class);

    private KafkaStorage() {}

    /** Returns true when the directory was new and has been formatted. */
    static boolean formatIfNew(KafkaConfig config, Path logDir) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return false;
        }
        String clusterId = Uuid.randomUuid().toString();
        try {
            Files.createDirectories(logDir);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(config.nodeId())
                    .setClusterId(clusterId)
                    .setControllerListenerName(BrokerSettings.CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .addDirectory(logDir.toString())
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot create the Kafka data directory " + logDir
                            + "; set credbridge.embedded-kafka.data-dir to a writable directory",
                    e);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "Cannot format the Kafka data directory " + logDir + ": " + e.getMessage(), e);
        }
        log.info("Formatted {} for new Kafka cluster {}", logDir, clusterId);
        return true;
    }
}
