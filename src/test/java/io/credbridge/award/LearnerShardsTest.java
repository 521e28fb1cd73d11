package io.credbridge.award;

import static io.credbridge.award.LearningEvents.completed;
import static org.assertj.core.api.Assertions.assertThat;

import io.credbridge.avro.LearningEvent;
import io.credbridge.avro.LearningEventType;
import io.credbridge.kafka.ConsumedRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LearnerShardsTest {

    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    static final String COURSE = "https://lms.example.edu/courses/1";

    private final LearnerShards shards = new LearnerShards(3);

    @AfterEach
    void stopWorkers() {
        shards.destroy();
    }

    @Test
    void aLargeBatchIsSplitWithEachLearnersEventsTogetherInTheOrderTheyCame() {
        List<Intake> batch = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            batch.add(usable("e" + i, "learner-" + (i % 40)));
        }

        List<List<Intake>> parts = shards.split(batch);

        assertThat(parts).hasSizeBetween(2, 3);
        assertThat(parts.stream().mapToInt(List::size).sum()).isEqualTo(300);
        for (List<Intake> part : parts) {
            List<String> learners = part.stream()
                    .map(each -> ((Intake.Usable) each).learnerId())
                    .distinct()
                    .toList();
            for (String learner : learners) {
                List<Intake> inBatch = batch.stream()
                        .filter(each -> ((Intake.Usable) each).learnerId().equals(learner))
                        .toList();
                List<Intake> inPart = part.stream()
                        .filter(each -> ((Intake.Usable) each).learnerId().equals(learner))
                        .toList();
                assertThat(inPart).as(learner).containsExactlyElementsOf(inBatch);
            }
        }
    }

    @Test
    void aBatchBelowTheThresholdIsAppliedWhole() {
        List<Intake> batch = IntStream.range(0, LearnerShards.SPLIT_FROM - 1)
                .mapToObj(i -> usable("e" + i, "learner-" + i))
                .toList();

        assertThat(shards.split(batch)).containsExactly(batch);
    }

    @Test
    void aBatchThatVoidsAnEventIsAppliedWholeBecauseTheVoidedEventsLearnerIsNotKnownYet() {
        List<Intake> batch = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            batch.add(usable("e" + i, "learner-" + i));
        }
        batch.add(new Intake.Voiding(
                record(),
                LearningEvent.newBuilder(completed("v1", "lrs-admin", COURSE, T0))
                        .setType(LearningEventType.VOIDED)
                        .setObjectId("e7")
                        .build()));

        assertThat(shards.split(batch)).containsExactly(batch);
    }

    @Test
    void eventsOfNoLearnerYetGoToTheFirstPart() {
        List<Intake> batch = new ArrayList<>();
        Intake unreadable = new Intake.Unusable(record(), null, "not Avro", "AvroRuntimeException");
        Intake parked = new Intake.Parked(record(), completed("p1", "someone", COURSE, T0), "no SIS id yet");
        batch.add(unreadable);
        for (int i = 0; i < 200; i++) {
            batch.add(usable("e" + i, "learner-" + i));
        }
        batch.add(parked);

        List<Intake> first = shards.split(batch).get(0);

        assertThat(first).contains(unreadable, parked);
    }

    @Test
    void everyPartIsAppliedAndAFailureIsReportedBesideWhatTheOtherPartsApplied() {
        List<List<Intake>> parts =
                List.of(List.of(usable("a", "anna")), List.of(usable("b", "ben")), List.of(usable("c", "carla")));

        LearnerShards.Applied<String> applied = shards.applyEach(parts, part -> {
            String learner = ((Intake.Usable) part.get(0)).learnerId();
            if (learner.equals("ben")) {
                throw new IllegalStateException("database went away");
            }
            return learner + " on " + Thread.currentThread().getName();
        });

        assertThat(applied.failure()).hasMessage("database went away");
        assertThat(applied.results()).hasSize(2);
        assertThat(applied.results().get(0))
                .as("the first part runs on the calling thread")
                .isEqualTo("anna on " + Thread.currentThread().getName());
        assertThat(applied.results().get(1)).startsWith("carla on credbridge-award-shard-");
    }

    private static Intake usable(String eventId, String learner) {
        return new Intake.Usable(record(), completed(eventId, learner, COURSE, T0), learner, null);
    }

    private static ConsumedRecord record() {
        return new ConsumedRecord("credbridge.learning-events.v1", 0, 0, "key", new byte[0]);
    }
}
