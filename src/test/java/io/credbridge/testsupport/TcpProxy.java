package io.credbridge.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of a server that a fault test must not stop because others use it (the shared PostgreSQL):
 * {@link #cut()} drops every connection and refuses new ones, as a restarting server does, until {@link #resume()}.
 */
public final class TcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final List<Socket> open = new ArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private ServerSocket listening;

    public TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.port = TestKafkaBroker.freePort();
        resume();
    }

    public int port() {
        return port;
    }

    /** How many connections were made through the proxy so far. */
    public int connections() {
        return connections.get();
    }

    /** Starts (again) to accept connections on the same port. */
    public synchronized void resume() throws IOException {
        if (listening != null) {
            return;
        }
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress("127.0.0.1", port));
        listening = server;
        Thread accepting = new Thread(() -> accept(server), "tcp-proxy-accept-" + port);
        accepting.setDaemon(true);
        accepting.start();
    }

    /** Closes every connection through the proxy and refuses new ones until {@link #resume()}. */
    public synchronized void cut() throws IOException {
        if (listening != null) {
            listening.close();
            listening = null;
        }
        for (Socket socket : open) {
            socket.close();
        }
        open.clear();
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(targetHost, targetPort);
                if (!register(server, client, upstream)) {
                    continue;
                }
                connections.incrementAndGet();
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException closedOrRefused) {
                // The listening socket was closed by cut(), or the server refused: the client sees a failure.
            }
        }
    }

    private synchronized boolean register(ServerSocket server, Socket client, Socket upstream) throws IOException {
        if (server != listening) {
            client.close();
            upstream.close();
            return false;
        }
        open.add(client);
        open.add(upstream);
        return true;
    }

    private void pump(Socket from, Socket to) {
        Thread copying = new Thread(
                () -> {
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        in.transferTo(out);
                    } catch (IOException closed) {
                        // Either side went away (or the proxy cut them): the other side is closed below.
                    } finally {
                        close(from);
                        close(to);
                    }
                },
                "tcp-proxy-pump-" + port);
        copying.setDaemon(true);
        copying.start();
    }

    private synchronized void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already closed.
        }
        open.remove(socket);
    }

    @Override
    public void close() throws IOException {
        cut();
    }
}
