package io.credbridge.outbox;

import java.util.List;

/**
 * Database writes a destination makes about what it has just delivered (the SIS's record id, an entry now written,
 * an import file no longer needed). The relay calls a destination outside any transaction, since a slow SIS must not
 * hold one open; these writes wait for the short transaction in which the relay forgets the delivered events, so
 * the two commit together, and they are dropped when the delivery fails. Outside a relay's delivery (a direct call,
 * a test that delivers in a transaction of its own) a write runs at once, in whatever transaction the caller has.
 */
public final class DeliveryEffects {

    private static final ThreadLocal<List<Runnable>> RECORDING = new ThreadLocal<>();

    private DeliveryEffects() {}

    /** Runs the write when the relay records the delivery, or now when no relay is delivering on this thread. */
    public static void afterDelivery(Runnable write) {
        List<Runnable> recording = RECORDING.get();
        if (recording == null) {
            write.run();
        } else {
            recording.add(write);
        }
    }

    /**
     * Delivers the batch (Camel's direct routes run on the calling thread), adding the writes it leaves to {@code
     * into}; they are there also when the delivery throws, for a delivery that delivered part of its batch.
     */
    static void recordedDuring(OutboxDelivery delivery, List<OutboxEvent> batch, List<Runnable> into) throws Exception {
        List<Runnable> outer = RECORDING.get();
        RECORDING.set(into);
        try {
            delivery.deliver(batch);
        } finally {
            if (outer == null) {
                RECORDING.remove();
            } else {
                RECORDING.set(outer);
            }
        }
    }
}
