package io.credbridge.kafka;

import java.nio.file.Path;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker running inside this JVM: one KRaft node that is both broker and
 * controller, reachable by any Kafka client on this machine at {@link #bootstrapServers()}.
 * Its data directory is formatted on first start and reused afterwards, so records and committed
 * offsets survive a restart.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private final EmbeddedKafkaProperties settings;
    private KafkaRaftServer server;

    public EmbeddedKafkaBroker(EmbeddedKafkaProperties settings) {
        this.settings = settings;
    }

    /**
     * Formats the data directory if it is new and starts the broker; returns once clients can
     * connect. On failure nothing keeps running.
     *
     * @throws IllegalStateException if already started, or if a port is taken (the message names
     *     the port and the property that sets it)
     */
    public synchronized void start() {
        if (server != null) {
            throw new IllegalStateException("Embedded Kafka is already running at " + bootstrapServers());
        }
        long started = System.nanoTime();
        Path dataDir = settings.dataDir().toAbsolutePath();
        KafkaConfig config = KafkaConfig.fromProps(BrokerSettings.of(settings), false);
        KafkaStorage.formatIfNew(config, dataDir);
        KafkaRaftServer candidate;
        try {
            candidate = new KafkaRaftServer(config, Time.SYSTEM);
        } catch (RuntimeException e) {
            throw new IllegalStateException(dataDirProblem(e), e);
        }
        try {
            FatalFaultGuard.run(candidate::startup);
        } catch (RuntimeException e) {
            stop(candidate);
            throw startupFailure(e);
        }
        server = candidate;
        log.info(
                "Embedded Kafka listening at {} (data in {}), started in {} ms",
                bootstrapServers(),
                dataDir,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Where clients connect, e.g. {@code localhost:9092}. */
    public String bootstrapServers() {
        return settings.host() + ":" + settings.port();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Shuts the broker down and waits until its threads have ended. Does nothing if not running. */
    @Override
    public synchronized void close() {
        if (server != null) {
            stop(server);
            server = null;
            log.info("Embedded Kafka at {} stopped", bootstrapServers());
        }
    }

    private static void stop(KafkaRaftServer server) {
        try {
            server.shutdown();
        } finally {
            server.awaitShutdown();
        }
    }

    private IllegalStateException startupFailure(RuntimeException e) {
        return new IllegalStateException(PortsInUse.describe(settings).orElseGet(() -> dataDirProblem(e)), e);
    }

    private String dataDirProblem(RuntimeException e) {
        return "Embedded Kafka failed to start with data in "
                + settings.dataDir().toAbsolutePath() + " (credbridge.embedded-kafka.data-dir): " + e.getMessage();
    }
}
