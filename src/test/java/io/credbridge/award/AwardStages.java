package io.credbridge.award;

import io.credbridge.avro.LearningEvent;
import io.credbridge.catalog.CredentialCatalog;
import io.credbridge.deadletter.DeadLetterRecorder;
import io.credbridge.identity.IdentityMappings;
import io.credbridge.identity.LearnerIdentities;
import io.credbridge.identity.LearnerIdentities.Resolution;
import io.credbridge.identity.ParkedEvents;
import io.credbridge.kafka.ConsumedRecord;
import io.credbridge.ops.CredBridgeMetrics;
import io.credbridge.outbox.OutboxRelay;
import io.credbridge.outbox.OutboxStore;
import io.credbridge.testsupport.MigratedDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.mockito.ArgumentMatchers;
import org.mockito.Mockito;

/** An award stage on a migrated database, wired as the application wires it, without dead letters or relays. */
final class AwardStages {

    private AwardStages() {}

    /** Identities that resolve every event's learner to the one learner, without a SIS person id. */
    static LearnerIdentities everyoneIs(String learner) {
        LearnerIdentities identities = Mockito.mock(LearnerIdentities.class);
        Mockito.when(identities.resolveAll(ArgumentMatchers.anyList())).thenAnswer(call -> {
            List<Resolution> resolved = new ArrayList<>();
            for (Object ignored : (List<?>) call.getArgument(0)) {
                resolved.add(new Resolution.Resolved(learner, null));
            }
            return resolved;
        });
        return identities;
    }

    static AwardStage on(
            MigratedDatabase database,
            CredentialCatalog catalog,
            LearnerIdentities identities,
            LearnerShards shards,
            Clock clock) {
        return on(database, catalog, identities, shards, clock, CrossSourceDuplicates.NONE);
    }

    static AwardStage on(
            MigratedDatabase database,
            CredentialCatalog catalog,
            LearnerIdentities identities,
            LearnerShards shards,
            Clock clock,
            CrossSourceDuplicates duplicates) {
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
                new Learners(ledger, catalog, new IdentityMappings(database.jdbc()), duplicates),
                shards,
                clock);
    }

    /** The event as the award stage consumes it: Avro-encoded, keyed by its learner, at this offset. */
    static ConsumedRecord record(long offset, LearningEvent event) throws IOException {
        return new ConsumedRecord(
                "credbridge.learning-events.v1",
                0,
                offset,
                event.getLearnerIds().get(0).getValue(),
                LearningEvent.getEncoder().encode(event).array());
    }
}
