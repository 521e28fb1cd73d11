package io.credbridge.ingest.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import io.credbridge.avro.LearningEventType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The backfill sample of deploy/demo, read with the layout the README's demo command configures. */
class DemoGradebookTest {

    static final BackfillLayout DEMO = new BackfillLayout(
            "learner",
            null,
            "https://lms.demo.credbridge.io",
            "course",
            "https://lms.demo.credbridge.io/courses/",
            null,
            null,
            null,
            "kind",
            "score",
            null,
            "max",
            null,
            null,
            null,
            "when",
            null,
            null,
            null);

    @Test
    void theDemoGradebookHasThreeGoodRowsAndOneBadScoreOnLineFive() throws Exception {
        String csv = Files.readString(Path.of("deploy/demo/backfill/gradebook-2025.csv"));

        List<BackfillRows.Row> rows = BackfillRowsTest.read(csv, DEMO);

        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).event().getType()).isEqualTo(LearningEventType.COURSE_COMPLETED);
        assertThat(rows.get(0).event().getObjectId())
                .isEqualTo("https://lms.demo.credbridge.io/courses/data-analysis-101");
        assertThat(rows.get(1).event().getScore().getGiven()).isEqualTo(87.0);
        assertThat(rows.get(1).event().getScore().getMax()).isEqualTo(100.0);
        assertThat(rows.get(2).good()).isTrue();
        assertThat(rows.get(3).good()).isFalse();
        assertThat(BackfillRowsTest.problems(rows)).first().isEqualTo("line 5, score: must be a number, was 'notyet'");
    }
}
