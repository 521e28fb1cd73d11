package io.credbridge.kafka;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Says which of the broker's ports another process holds, and which property moves it. */
final class PortsInUse {

    private PortsInUse() {}

    /** Empty when both ports are free. */
    static Optional<String> describe(EmbeddedKafkaProperties settings) {
        List<String> taken = new ArrayList<>();
        if (!isFree(settings.host(), settings.port())) {
            taken.add(advice(settings.port(), "credbridge.embedded-kafka.port"));
        }
        if (!isFree(settings.host(), settings.controllerPort())) {
            taken.add(advice(settings.controllerPort(), "credbridge.embedded-kafka.controller-port"));
        }
        if (taken.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Embedded Kafka cannot listen on " + settings.host() + ": " + String.join("; ", taken)
                + ". Stop the process that holds it, or set credbridge.embedded-kafka.enabled=false"
                + " and point camel.component.kafka.brokers at a running Kafka.");
    }

    private static String advice(int port, String property) {
        return "port " + port + " is in use, set " + property + " to a free port";
    }

    private static boolean isFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(host, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
