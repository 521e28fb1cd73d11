package io.credbridge.award;

import static io.credbridge.award.LearningEvents.completed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.credbridge.avro.LearnerIdentifier;
import io.credbridge.avro.LearningEvent;
import io.credbridge.catalog.CourseCompleted;
import io.credbridge.catalog.CredentialCatalog;
import io.credbridge.identity.LearnerIdentities;
import io.credbridge.identity.LearnerIdentities.Resolution;
import io.credbridge.kafka.ConsumedRecord;
import io.credbridge.testsupport.MigratedDatabase;
import io.credbridge.testsupport.MutableClock;
import io.credbridge.testsupport.PostgresTestDatabase;
import io.credbridge.testsupport.RequiresPostgres;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A large batch split by learner and applied in parallel transactions on PostgreSQL ends as the same batch applied
 * whole does, and delivered again it changes nothing.
 */
@RequiresPostgres
class ShardedBatchesOnPostgresIT {

    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    static final String COURSE = "https://lms.example.edu/courses/1";
    static final String OTHER_COURSE = "https://lms.example.edu/courses/2";
    static final CredentialCatalog CATALOG =
            CredentialCatalog.of(List.of(CredentialEvaluatorTest.definition("badge", new CourseCompleted(COURSE))));

    private final List<LearnerShards> started = new ArrayList<>();

    @AfterEach
    void stopWorkers() {
        started.forEach(LearnerShards::destroy);
    }

    @Test
    void aBatchAppliedInPartsByLearnerEndsAsTheSameBatchAppliedWholeAndIsANoOpWhenDeliveredAgain() throws IOException {
        List<ConsumedRecord> batch = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String learner = "learner-" + (i % 150);
            String course = i % 3 == 0 ? OTHER_COURSE : COURSE;
            batch.add(record(i, completed("event-" + i, learner, course, T0.plusSeconds(i))));
        }
        Stage whole = stage(LearnerShards.none());
        Stage sharded = stage(new LearnerShards(3));

        AwardStage.BatchResult appliedWhole = whole.stage().process(batch);
        AwardStage.BatchResult appliedInParts = sharded.stage().process(batch);
        AwardStage.BatchResult again = sharded.stage().process(batch);

        assertThat(appliedInParts.awards()).hasSameSizeAs(appliedWhole.awards());
        assertThat(holdings(sharded))
                .as("learners whose index is a multiple of 3 completed only the other course")
                .isEqualTo(holdings(whole))
                .hasSize(100);
        assertThat(facts(sharded)).isEqualTo(facts(whole)).isEqualTo(400);
        assertThat(again.duplicates()).isEqualTo(400);
        assertThat(again.awards()).isEmpty();
        assertThat(outboxRows(sharded)).isEqualTo(2L * appliedWhole.awards().size());
    }

    /** Each learner's awarded credentials with the events that earned them. */
    private static Map<String, List<String>> holdings(Stage stage) {
        Map<String, List<String>> holdings = new TreeMap<>();
        stage.database()
                .jdbc()
                .query(
                        "select learner_id, credential_id, evidence_event_ids from award where status = 'ACTIVE'"
                                + " order by learner_id, credential_id",
                        Map.of(),
                        row -> {
                            for (Object event : (Object[])
                                    row.getArray("evidence_event_ids").getArray()) {
                                holdings.computeIfAbsent(row.getString("learner_id"), learner -> new ArrayList<>())
                                        .add(row.getString("credential_id") + " by " + event);
                            }
                        });
        return holdings;
    }

    private static long facts(Stage stage) {
        return stage.database().jdbc().queryForObject("select count(*) from learner_fact", Map.of(), Long.class);
    }

    private static long outboxRows(Stage stage) {
        return stage.database().jdbc().queryForObject("select count(*) from outbox_event", Map.of(), Long.class);
    }

    private Stage stage(LearnerShards shards) {
        started.add(shards);
        MigratedDatabase database = MigratedDatabase.of(PostgresTestDatabase.newSchemaDataSource());
        MutableClock clock = new MutableClock(T0.plusSeconds(3600));
        LearnerIdentities identities = mock(LearnerIdentities.class);
        when(identities.resolveAll(anyList())).thenAnswer(call -> {
            List<Resolution> resolved = new ArrayList<>();
            for (Object learner : (List<?>) call.getArgument(0)) {
                resolved.add(
                        new Resolution.Resolved(((LearnerIdentifier) ((List<?>) learner).get(0)).getValue(), null));
            }
            return resolved;
        });
        AwardStage stage = AwardStages.on(database, CATALOG, identities, shards, clock);
        return new Stage(stage, database);
    }

    private static ConsumedRecord record(long offset, LearningEvent event) throws IOException {
        return AwardStages.record(offset, event);
    }

    private record Stage(AwardStage stage, MigratedDatabase database) {}
}
