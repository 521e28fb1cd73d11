package io.credbridge.award;

import io.credbridge.catalog.CredentialCatalog;
import io.credbridge.deadletter.DeadLetterRecorder;
import io.credbridge.identity.IdentityMappings;
import io.credbridge.identity.LearnerIdentities;
import io.credbridge.identity.ParkedEvents;
import io.credbridge.ops.CredBridgeMetrics;
import io.credbridge.outbox.OutboxRelay;
import io.credbridge.outbox.OutboxStore;
import io.credbridge.testsupport.MigratedDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.mockito.Mockito;

/** An award stage on a migrated database, wired as the application wires it, without dead letters or relays. */
final class AwardStages {

    private AwardStages() {}

    static AwardStage on(
            MigratedDatabase database,
            CredentialCatalog catalog,
            LearnerIdentities identities,
            LearnerShards shards,
            Clock clock) {
        CredBridgeMetrics metrics = new CredBridgeMetrics(new SimpleMeterRegistry());
        AwardLedger ledger = new AwardLedger(database.jdbc());
        OutboxStore outbox = new OutboxStore(database.jdbc());
        return new AwardStage(
                new LearningEventIntake(identities),
                new ProcessedEventLog(database.jdbc()),
                ledger,
                new CredentialEvaluator(catalog, clock),
                new AwardEffects(ledger, new AwardEndings(ledger, catalog, outbox, new RecordedRevocations()), outbox),
                Mockito.mock(DeadLetterRecorder.class),
                Mockito.mock(OutboxRelay.class),
                database.transactions(),
                metrics,
                new ParkedEvents(database.jdbc(), metrics),
                new Learners(ledger, catalog, new IdentityMappings(database.jdbc())),
                shards,
                clock);
    }
}
