package io.credbridge.award;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The revocation status as the award package tells it: every call, and whether it came inside a transaction. */
final class RecordedRevocations implements RevocationStatus {

    record Call(List<String> awardIds, Instant at, boolean inTransaction) {}

    private final List<Call> calls = new CopyOnWriteArrayList<>();

    @Override
    public void revoked(List<String> awardIds, Instant at) {
        calls.add(new Call(List.copyOf(awardIds), at, TransactionSynchronizationManager.isActualTransactionActive()));
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }
}
