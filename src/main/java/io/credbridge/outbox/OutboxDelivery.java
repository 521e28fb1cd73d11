package io.credbridge.outbox;

import java.util.List;

/** Hands outbox events to their destination; returns normally only when the destination has them all. */
@FunctionalInterface
interface OutboxDelivery {

    void deliver(List<OutboxEvent> events) throws Exception;
}
