package io.credbridge.ingest.backfill;

import static io.credbridge.ingest.backfill.BackfillRowsTest.GRADEBOOK;
import static io.credbridge.ingest.backfill.BackfillRowsTest.HEADER;
import static io.credbridge.ingest.backfill.BackfillRowsTest.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credbridge.avro.LearningEvent;
import io.credbridge.identity.IdentityProperties;
import io.credbridge.identity.LearnerIdentityResolver;
import io.credbridge.ingest.LearningEventRecords;
import io.credbridge.kafka.CloudEventsProperties;
import io.credbridge.kafka.OutgoingRecord;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class RejectedRowReplayTest {

    static final String ROW = "S-1,BIO-101,quiz-1,grade,8,10,,2024-03-01T10:00,\"late, excused\"\n";
    static final BackfillLayout ISO_MINUTES = new BackfillLayout(
            GRADEBOOK.learnerColumn(),
            GRADEBOOK.learnerScheme(),
            GRADEBOOK.learnerNamespace(),
            GRADEBOOK.courseColumn(),
            GRADEBOOK.coursePrefix(),
            GRADEBOOK.activityColumn(),
            GRADEBOOK.activityPrefix(),
            GRADEBOOK.type(),
            GRADEBOOK.typeColumn(),
            GRADEBOOK.scoreColumn(),
            GRADEBOOK.minColumn(),
            GRADEBOOK.maxColumn(),
            GRADEBOOK.scaledColumn(),
            GRADEBOOK.passedColumn(),
            GRADEBOOK.attemptColumn(),
            GRADEBOOK.occurredAtColumn(),
            "yyyy-MM-dd'T'HH:mm",
            GRADEBOOK.occurredAtZone(),
            GRADEBOOK.sourceSystem());

    private final LearningEventRecords records = new LearningEventRecords(
            new LearnerIdentityResolver(new IdentityProperties(List.of("account", "mbox"))),
            new CloudEventsProperties("https://credbridge.example.edu"));

    @Test
    void aSkippedRowReplayedOnceItsLayoutReadsItIsTheEventAnImportOfTheRowWouldSend() throws Exception {
        byte[] deadLetter = deadLetterOfTheSkippedRow();
        RejectedRowReplay replay =
                new RejectedRowReplay(name -> ISO_MINUTES, records, Clock.fixed(NOW, ZoneOffset.UTC));

        List<OutgoingRecord> replayed = replay.reread(deadLetter);

        LearningEvent imported =
                BackfillRowsTest.read(HEADER + ROW, ISO_MINUTES).get(0).event();
        assertThat(replayed).singleElement().satisfies(record -> {
            LearningEvent event = LearningEvent.getDecoder().decode(record.value());
            assertThat(event.getEventId()).isEqualTo(imported.getEventId());
            assertThat(event.getSource()).isEqualTo("backfill");
            assertThat(event.getScore().getGiven()).isEqualTo(8.0);
        });
    }

    @Test
    void aSkippedRowThatStillCannotBeReadIsRefusedNamingItsOriginalLineAndColumn() throws Exception {
        byte[] deadLetter = deadLetterOfTheSkippedRow();
        RejectedRowReplay replay = new RejectedRowReplay(name -> GRADEBOOK, records, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> replay.reread(deadLetter))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("line 7, When: ");
    }

    /** What {@link RejectedRows} files for the row, as line 7 of a file the gradebook layout could not read. */
    private static byte[] deadLetterOfTheSkippedRow() throws Exception {
        BackfillRows.Row skipped =
                BackfillRowsTest.read(HEADER + ROW, GRADEBOOK).get(0);
        assertThat(skipped.good()).isFalse();
        BackfillRows.Row onLineSeven = new BackfillRows.Row(7, null, skipped.problems(), skipped.values());
        List<String> header = List.of(HEADER.strip().split(","));
        return RejectedRows.payload(job(), header, onLineSeven).getBytes(StandardCharsets.UTF_8);
    }

    private static BackfillJob job() {
        return new BackfillJob(
                "job-1",
                "gradebook",
                "grades.csv",
                null,
                BackfillJob.Status.RUNNING,
                1,
                0,
                0,
                0,
                0,
                "x",
                NOW,
                NOW,
                null,
                null,
                null);
    }
}
