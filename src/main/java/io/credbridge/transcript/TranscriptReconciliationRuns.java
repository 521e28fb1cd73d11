package io.credbridge.transcript;

import io.credbridge.ops.CredBridgeMetrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The scheduled reconciliation ({@code routes/transcript-reconciliation.camel.yaml}): with {@code
 * credbridge.transcript.reconciliation.enabled}, compares every award with the SIS and publishes the counts as
 * gauges tagged by target, for every target whose SIS can be read back. Enabled when none can, it stops startup and
 * says what to set.
 */
@Component("transcriptReconciliationRuns")
public class TranscriptReconciliationRuns {

    private static final Logger log = LoggerFactory.getLogger(TranscriptReconciliationRuns.class);

    private final TranscriptReconciliation reconciliation;
    private final Map<String, Counts> counts = new LinkedHashMap<>();

    /** The last run's counts of one target; negative until its first run. */
    private record Counts(AtomicLong missing, AtomicLong extra, AtomicLong mismatched) {
        static Counts unknown() {
            return new Counts(new AtomicLong(-1), new AtomicLong(-1), new AtomicLong(-1));
        }
    }

    TranscriptReconciliationRuns(
            TranscriptReconciliation reconciliation, TranscriptProperties properties, CredBridgeMetrics metrics) {
        this.reconciliation = reconciliation;
        if (!properties.reconciliation().enabled()) {
            return;
        }
        List<String> checkable = reconciliation.checkableTargets();
        if (checkable.isEmpty()) {
            String target = reconciliation.targets().get(0);
            throw new IllegalStateException("credbridge.transcript.reconciliation.enabled is true, but "
                    + new TranscriptReconciliation.CannotReadBackException(target).getMessage()
                    + "; or set credbridge.transcript.reconciliation.enabled to false");
        }
        reconciliation.targets().stream()
                .filter(target -> !checkable.contains(target))
                .forEach(target -> log.info(
                        "Scheduled transcript reconciliation leaves out {}: {}",
                        target,
                        new TranscriptReconciliation.CannotReadBackException(target).getMessage()));
        for (String target : checkable) {
            // Until the first run there is nothing to report: the gauges read NaN rather than a reassuring zero.
            Counts last = Counts.unknown();
            counts.put(target, last);
            metrics.transcriptReconciliation(target, "missing", () -> known(last.missing()));
            metrics.transcriptReconciliation(target, "extra", () -> known(last.extra()));
            metrics.transcriptReconciliation(target, "mismatched", () -> known(last.mismatched()));
        }
    }

    /** The route's call: one full run of every target that can be read back when enabled, nothing otherwise. */
    public void scheduled() {
        counts.forEach((target, last) -> {
            TranscriptReconciliation.Report report = reconciliation.run(target, null);
            last.missing().set(report.missing().size());
            last.extra().set(report.extra().size());
            last.mismatched().set(report.mismatched().size());
            log.info(
                    "Transcript reconciliation of {} ({} awards): {} missing, {} extra, {} mismatched",
                    report.target(),
                    report.awards(),
                    report.missing().size(),
                    report.extra().size(),
                    report.mismatched().size());
        });
    }

    private static double known(AtomicLong count) {
        long value = count.get();
        return value < 0 ? Double.NaN : value;
    }
}
