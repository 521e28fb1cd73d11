package io.credbridge.kafka;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.utils.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka answers some startup failures, such as a taken controller port, by halting the JVM
 * ({@code ProcessTerminatingFaultHandler}). While the embedded broker starts, that halt is refused
 * and the start fails with an exception instead, so the application can report it and exit cleanly.
 * Once started, Kafka's own policy applies again: a fatal fault while running halts the JVM, as it
 * would halt a standalone broker.
 */
final class FatalFaultGuard {

    private static final Logger log = LoggerFactory.getLogger(FatalFaultGuard.class);
    private static final Object LOCK = new Object();

    private FatalFaultGuard() {}

    static void run(Runnable startup) {
        synchronized (LOCK) {
            AtomicBoolean fatal = new AtomicBoolean();
            Exit.Procedure refuse = (status, message) -> {
                fatal.set(true);
                log.error("Kafka reported a fatal fault while starting; failing the start instead of ending the JVM");
            };
            Exit.setHaltProcedure(refuse);
            Exit.setExitProcedure(refuse);
            try {
                startup.run();
            } finally {
                Exit.resetHaltProcedure();
                Exit.resetExitProcedure();
            }
            if (fatal.get()) {
                throw new IllegalStateException("Kafka reported a fatal fault while starting; see the log above");
            }
        }
    }
}
