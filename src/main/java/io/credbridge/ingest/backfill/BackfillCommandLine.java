package io.credbridge.ingest.backfill;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one-off backfill: {@code java -jar credbridge.jar --credbridge.backfill.file=grades.csv
 * --credbridge.backfill.layout=canvas-gradebook} checks the file, sends it with a progress bar on the console,
 * records the job as the API does, and exits 0 when every row was sent or was a duplicate (1 otherwise).
 */
@Component
@ConditionalOnProperty("credbridge.backfill.file")
class BackfillCommandLine implements ApplicationRunner, ExitCodeGenerator {

    private static final int BAR_WIDTH = 40;

    private final Backfills backfills;
    private final ConfigurableApplicationContext context;
    private final Path file;
    private final String layout;
    private final Backfills.OnInvalid onInvalid;
    private final boolean exitWhenDone;
    private final PrintStream console;
    private int exitCode = 1;

    @Autowired
    BackfillCommandLine(
            Backfills backfills,
            ConfigurableApplicationContext context,
            @Value("${credbridge.backfill.file}") Path file,
            @Value("${credbridge.backfill.layout:}") String layout,
            @Value("${credbridge.backfill.invalid:refuse}") String invalid,
            @Value("${credbridge.backfill.exit-when-done:true}") boolean exitWhenDone) {
        this(backfills, context, file, layout, invalid, exitWhenDone, System.out);
    }

    BackfillCommandLine(
            Backfills backfills,
            ConfigurableApplicationContext context,
            Path file,
            String layout,
            String invalid,
            boolean exitWhenDone,
            PrintStream console) {
        this.backfills = backfills;
        this.context = context;
        this.file = file;
        this.layout = layout.isBlank() ? null : layout;
        this.onInvalid = Backfills.OnInvalid.valueOf(invalid.trim().toUpperCase(Locale.ROOT));
        this.exitWhenDone = exitWhenDone;
        this.console = console;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        exitCode = backfill();
        if (exitWhenDone) {
            System.exit(SpringApplication.exit(context, this));
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    private int backfill() {
        if (!Files.isReadable(file)) {
            console.println("backfill: cannot read " + file.toAbsolutePath());
            return 1;
        }
        // The audit trail names who started a job; here, the account that ran the command.
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "command line (" + System.getProperty("user.name") + ")", null, List.of()));
        BackfillJob job;
        try {
            console.println("backfill: checking " + file + " with layout " + layout);
            job = backfills.start(file, false, layout, file.toAbsolutePath().toString(), onInvalid, null);
        } catch (Backfills.InvalidBackfillFileException e) {
            console.println("backfill: " + e.getMessage() + "; nothing was sent (--credbridge.backfill.invalid=skip"
                    + " leaves bad rows out):");
            e.check().listed().forEach(problem -> console.println("  " + problem.describe()));
            return 1;
        } catch (BackfillRows.UnreadableHeaderException e) {
            console.println("backfill: the header does not fit layout " + layout + "; nothing was sent:");
            e.problems().forEach(problem -> console.println("  " + problem.describe()));
            return 1;
        } catch (Backfills.UnknownLayoutException e) {
            console.println("backfill: " + e.getMessage());
            return 1;
        } finally {
            SecurityContextHolder.clearContext();
        }
        console.println("backfill: job " + job.jobId() + ", " + job.totalRows() + " row(s)");
        BackfillJob done = backfills.run(
                job,
                file,
                (running, counts) -> console.print("\r" + bar(counts.rowsRead(), running.totalRows()) + " "
                        + counts.rowsRead() + "/"
                        + running.totalRows() + " rows, " + counts.eventsSent() + " sent, " + counts.duplicates()
                        + " duplicates, " + counts.rejected() + " rejected"));
        console.println();
        console.println("backfill: job " + done.jobId() + " " + done.status() + ": " + done.rowsRead()
                + " row(s) read, "
                + done.eventsSent() + " event(s) sent, " + done.duplicates() + " duplicate(s), " + done.rejected()
                + " rejected" + (done.error() == null ? "" : "; " + done.error()));
        return done.status() == BackfillJob.Status.COMPLETED ? 0 : 1;
    }

    static String bar(long done, long total) {
        int filled = total == 0 ? BAR_WIDTH : (int) (BAR_WIDTH * Math.min(done, total) / total);
        return "[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] "
                + String.format(Locale.ROOT, "%3d%%", total == 0 ? 100 : 100 * Math.min(done, total) / total);
    }
}
