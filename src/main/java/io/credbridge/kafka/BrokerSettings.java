package io.credbridge.kafka;

import java.util.Properties;

/** The Kafka server configuration of a single-node KRaft cluster: one process is broker and controller. */
final class BrokerSettings {

    static final int NODE_ID = 1;
    static final String CONTROLLER_LISTENER = "CONTROLLER";

    /** The log cleaner's default 128 MB dedupe buffer would be most of the broker's heap. */
    private static final String DEDUPE_BUFFER_BYTES = String.valueOf(4 * 1024 * 1024);

    /** Without a limit, startup waits forever for metadata that cannot arrive. */
    private static final String MAX_STARTUP_MILLIS = "60000";

    private BrokerSettings() {}

    static Properties of(EmbeddedKafkaProperties settings) {
        String broker = settings.host() + ":" + settings.port();
        String controller = settings.host() + ":" + settings.controllerPort();
        Properties props = new Properties();
        props.setProperty("process.roles", "broker,controller");
        props.setProperty("node.id", String.valueOf(NODE_ID));
        props.setProperty("controller.quorum.voters", NODE_ID + "@" + controller);
        props.setProperty("listeners", "PLAINTEXT://" + broker + "," + CONTROLLER_LISTENER + "://" + controller);
        props.setProperty("advertised.listeners", "PLAINTEXT://" + broker);
        props.setProperty(
                "listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.setProperty("controller.listener.names", CONTROLLER_LISTENER);
        props.setProperty("inter.broker.listener.name", "PLAINTEXT");
        props.setProperty("log.dirs", settings.dataDir().toAbsolutePath().toString());
        props.setProperty("default.replication.factor", "1");
        props.setProperty("min.insync.replicas", "1");
        props.setProperty("offsets.topic.replication.factor", "1");
        props.setProperty("transaction.state.log.replication.factor", "1");
        props.setProperty("transaction.state.log.min.isr", "1");
        props.setProperty("group.initial.rebalance.delay.ms", "0");
        props.setProperty("log.cleaner.dedupe.buffer.size", DEDUPE_BUFFER_BYTES);
        props.setProperty("server.max.startup.time.ms", MAX_STARTUP_MILLIS);
        // After a crash the restarted node's controller keeps the dead broker's registration until its lease runs
        // out, and refuses the new one until then: 9 s by default, the longest part of a restart. A node that is its
        // own controller loses no heartbeat on the network; 3 s still rides out a long GC pause on a busy machine.
        props.setProperty("broker.session.timeout.ms", "3000");
        props.setProperty("broker.heartbeat.interval.ms", "500");
        props.putAll(settings.brokerProperties());
        return props;
    }
}
