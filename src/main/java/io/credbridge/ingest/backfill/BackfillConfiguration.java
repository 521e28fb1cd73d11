package io.credbridge.ingest.backfill;

import io.credbridge.ingest.LearningEventRecords;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;

/**
 * Backfill jobs run each on a thread of their own; at startup, jobs a stopped process left RUNNING are marked. Skipped
 * rows go to the dead-letter store, and old uploads of failed jobs are swept from the spool directory.
 */
@Configuration(proxyBeanMethods = false)
class BackfillConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BackfillConfiguration.class);

    @Bean
    TaskExecutor backfillExecutor() {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("backfill-");
        executor.setDaemon(true);
        return executor;
    }

    /** A skipped row's dead letter is replayed with the layout as configured now. */
    @Bean
    RejectedRowReplay rejectedBackfillRowReplay(Backfills backfills, LearningEventRecords records, Clock clock) {
        return new RejectedRowReplay(backfills::layout, records, clock);
    }

    /** Named by routes/backfill-spool-sweep.camel.yaml. */
    @Bean
    BackfillSpool backfillSpool(BackfillProperties properties, BackfillJobs jobs, Clock clock) {
        return new BackfillSpool(properties, jobs, clock);
    }

    @Bean
    ApplicationRunner interruptedBackfills(BackfillJobs jobs, Clock clock) {
        return arguments -> {
            int interrupted = jobs.markInterrupted(clock.instant());
            if (interrupted > 0) {
                log.warn(
                        "{} backfill job(s) were interrupted when CredBridge last stopped; GET /api/backfill/{id}"
                                + " shows them, POST /api/backfill/{id}/rerun runs an upload again",
                        interrupted);
            }
        };
    }
}
