package io.credbridge.award;

import static io.credbridge.award.LearningEvents.completed;
import static org.assertj.core.api.Assertions.assertThat;

import io.credbridge.avro.LearningEvent;
import io.credbridge.avro.LearningEventType;
import io.credbridge.catalog.CourseCompleted;
import io.credbridge.catalog.CredentialCatalog;
import io.credbridge.identity.LearnerIdentities;
import io.credbridge.kafka.ConsumedRecord;
import io.credbridge.testsupport.H2TestDatabase;
import io.credbridge.testsupport.MigratedDatabase;
import io.credbridge.testsupport.MutableClock;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A void and the event it voids in one polled batch, in either order, and the same batch delivered again: the
 * learner ends without the award, and a later delivery of the event changes nothing.
 */
class VoidsInOneBatchIT {

    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    static final String COURSE = "https://lms.example.edu/courses/1";
    static final CredentialCatalog CATALOG =
            CredentialCatalog.of(List.of(CredentialEvaluatorTest.definition("badge", new CourseCompleted(COURSE))));

    AwardStage stage;
    AwardLedger ledger;
    long offset;

    @BeforeEach
    void stage() {
        MigratedDatabase database = MigratedDatabase.of(H2TestDatabase.newDataSource());
        MutableClock clock = new MutableClock(T0.plusSeconds(3600));
        LearnerIdentities identities = AwardStages.everyoneIs("alice");
        ledger = new AwardLedger(database.jdbc());
        stage = AwardStages.on(database, CATALOG, identities, LearnerShards.none(), clock);
    }

    @Test
    void aVoidBeforeItsEventInTheBatchMeansTheEventNeverCounts() throws IOException {
        stage.process(List.of(record(voiding("v1", "e1")), record(completion("e1"))));
        stage.process(List.of(record(completion("e1"))));

        assertThat(ledger.awardsOf("alice")).isEmpty();
        assertThat(ledger.progressOf(List.of("alice")).get("alice").factsOn(COURSE))
                .isEmpty();
    }

    @Test
    void aVoidAfterItsEventInTheBatchWithdrawsItAndTheAwardNeverOutlivesTheBatch() throws IOException {
        AwardStage.BatchResult result = stage.process(List.of(record(completion("e1")), record(voiding("v1", "e1"))));
        stage.process(List.of(record(completion("e1")), record(voiding("v1", "e1"))));

        assertThat(result.revokedCredentials()).containsExactly("badge");
        assertThat(ledger.awardsOf("alice"))
                .singleElement()
                .satisfies(award -> assertThat(award.status()).isEqualTo("REVOKED"));
        assertThat(ledger.progressOf(List.of("alice")).get("alice").factsOn(COURSE))
                .isEmpty();
    }

    private static LearningEvent completion(String id) {
        return completed(id, "alice", COURSE, T0);
    }

    private static LearningEvent voiding(String id, String voided) {
        return LearningEvent.newBuilder(completed(id, "lrs-admin", COURSE, T0))
                .setType(LearningEventType.VOIDED)
                .setObjectId(voided)
                .setCourseIds(List.of())
                .build();
    }

    private ConsumedRecord record(LearningEvent event) throws IOException {
        return AwardStages.record(offset++, event);
    }
}
