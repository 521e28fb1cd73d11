package io.credbridge.award;

import static io.credbridge.award.LearningEvents.completed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.credbridge.avro.LearningEvent;
import io.credbridge.identity.LearnerIdentities;
import io.credbridge.identity.LearnerIdentities.Resolution;
import io.credbridge.kafka.ConsumedRecord;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class LearningEventIntakeTest {

    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    static final String COURSE = "https://lms.example.edu/courses/1";

    final LearnerIdentities identities = mock(LearnerIdentities.class);
    final LearningEventIntake intake = new LearningEventIntake(identities);

    @Test
    void aLearnerTheLookupCannotTakeIsDeadLetteredAloneAndTheRestOfTheBatchGoesOn() throws IOException {
        LearningEvent alice = completed("e1", "alice", COURSE, T0);
        LearningEvent mallory = completed("e2", "mallory", COURSE, T0);
        when(identities.resolveAll(anyList())).thenThrow(new DataIntegrityViolationException("identifier too long"));
        when(identities.resolve(alice.getLearnerIds())).thenReturn(new Resolution.Resolved("alice", "S1"));
        when(identities.resolve(mallory.getLearnerIds()))
                .thenThrow(new DataIntegrityViolationException("identifier too long"));

        List<Intake> intakes = intake.of(List.of(record(alice, 0), record(mallory, 1)));

        assertThat(intakes.get(0)).isInstanceOfSatisfying(Intake.Usable.class, usable -> {
            assertThat(usable.learnerId()).isEqualTo("alice");
            assertThat(usable.sisPersonId()).isEqualTo("S1");
            assertThat(usable.event()).isEqualTo(alice);
        });
        assertThat(intakes.get(1)).isInstanceOfSatisfying(Intake.Unusable.class, unusable -> {
            assertThat(unusable.errorType()).isEqualTo("learner-lookup-failed");
            assertThat(unusable.event()).isEqualTo(mallory);
        });
    }

    @Test
    void aLearnerIdTooLongToKeyAwardsByIsDeadLetteredWithItsPseudonymNotTheId() throws IOException {
        String overlong = "s4711042-" + "7".repeat(LearningEventIntake.LEARNER_ID_MAX_LENGTH);
        LearningEvent event = completed("e1", overlong, COURSE, T0);
        when(identities.resolveAll(anyList())).thenReturn(List.of(new Resolution.Resolved(overlong, null)));

        List<Intake> intakes = intake.of(List.of(record(event, 0)));

        assertThat(intakes.get(0)).isInstanceOfSatisfying(Intake.Unusable.class, unusable -> {
            assertThat(unusable.errorType()).isEqualTo("learner-id-too-long");
            assertThat(unusable.reason())
                    .contains("the learner id <learner ")
                    .contains("longer than the 255 characters")
                    .doesNotContain("s4711042");
        });
    }

    @Test
    void aLearnerIdOfTheLongestLengthIsUsable() throws IOException {
        String longest = "s".repeat(LearningEventIntake.LEARNER_ID_MAX_LENGTH);
        when(identities.resolveAll(anyList())).thenReturn(List.of(new Resolution.Resolved(longest, null)));

        List<Intake> intakes = intake.of(List.of(record(completed("e1", longest, COURSE, T0), 0)));

        assertThat(intakes.get(0)).isInstanceOf(Intake.Usable.class);
    }

    @Test
    void anUnreachableDatabaseFailsTheWholeBatchSoItIsConsumedAgain() throws IOException {
        when(identities.resolveAll(anyList())).thenThrow(new CannotGetJdbcConnectionException("refused"));

        assertThatThrownBy(() -> intake.of(List.of(record(completed("e1", "alice", COURSE, T0), 0))))
                .isInstanceOf(CannotGetJdbcConnectionException.class);
    }

    private static ConsumedRecord record(LearningEvent event, long offset) throws IOException {
        return new ConsumedRecord(
                "credbridge.learning-events.v1",
                0,
                offset,
                "key",
                LearningEvent.getEncoder().encode(event).array());
    }
}
