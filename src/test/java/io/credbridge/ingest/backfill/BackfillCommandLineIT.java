package io.credbridge.ingest.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import io.credbridge.testsupport.ChildJvm;
import io.credbridge.testsupport.PostgresTestDatabase;
import io.credbridge.testsupport.RequiresPostgres;
import io.credbridge.testsupport.TestCredentials;
import io.credbridge.testsupport.TrainedJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The one-off backfill as an operator runs it: {@code java -jar credbridge.jar --credbridge.backfill.file=...} in a
 * process of its own, which exits 0 when the job completed and 1 when the file was refused, with what it printed.
 * (BackfillIT drives the same command in-process, for its progress bar.)
 */
@RequiresPostgres
@Timeout(300)
class BackfillCommandLineIT {

    static PostgresTestDatabase.Connection.Settings db;
    static Path work;

    @BeforeAll
    static void parts() throws Exception {
        db = PostgresTestDatabase.newSchema();
        work = Files.createTempDirectory("credbridge-backfill-cli");
    }

    @Test
    void aGoodFileIsSentAndRecordedAndTheProcessExitsZero() throws Exception {
        Path file = BackfillIT.generate(40, "cli-process");

        ChildJvm backfill = run(file, "good.log");

        assertThat(backfill.exitValue()).as("see " + backfill.log()).isZero();
        assertThat(Files.readString(backfill.log()))
                .contains("COMPLETED: 40 row(s) read, 40 event(s) sent, 0 duplicate(s), 0 rejected");
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(db.url(), db.user(), db.password()));
        assertThat(jdbc.queryForList(
                        "select status from " + db.schema() + ".backfill_job where file_name like ?",
                        String.class,
                        "%" + file.getFileName()))
                .as("the job is recorded as the API records it")
                .containsExactly("COMPLETED");
    }

    @Test
    void aFileWithABadLineIsRefusedWithTheLineAndTheProcessExitsOne() throws Exception {
        Path file = Files.writeString(work.resolve("bad.csv"), BackfillIT.HEADER + "a,b,grade,,,2024-01-01 00:00:00\n");

        ChildJvm backfill = run(file, "bad.log");

        assertThat(backfill.exitValue()).as("see " + backfill.log()).isEqualTo(1);
        assertThat(Files.readString(backfill.log()))
                .contains("line 2, score: a grade needs a score, a scaled score or passed");
    }

    private static ChildJvm run(Path file, String logName) throws Exception {
        List<String> args = new ArrayList<>(TestCredentials.arguments());
        args.add("--credbridge.backfill.file=" + file);
        args.add("--credbridge.backfill.layout=gradebook");
        args.addAll(BackfillIT.appArguments(db, work));
        TrainedJar jar = TrainedJar.quickStart();
        ChildJvm process = ChildJvm.ofJar(jar.jar(), work.resolve(logName), jar.jvmOptions(), args);
        process.start().awaitExit(Duration.ofMinutes(3));
        return process;
    }
}
