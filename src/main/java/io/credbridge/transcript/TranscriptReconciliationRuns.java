package io.credbridge.transcript;

import io.credbridge.ops.CredBridgeMetrics;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The scheduled reconciliation ({@code routes/transcript-reconciliation.camel.yaml}): with {@code
 * credbridge.transcript.reconciliation.enabled}, compares every award with the SIS and publishes the counts as
 * gauges tagged by target. Enabled for a target that cannot read back, it stops startup and says what to set.
 */
@Component("transcriptReconciliationRuns")
public class TranscriptReconciliationRuns {

    private static final Logger log = LoggerFactory.getLogger(TranscriptReconciliationRuns.class);

    private final TranscriptReconciliation reconciliation;
    private final boolean enabled;
    private final AtomicLong missing = new AtomicLong();
    private final AtomicLong extra = new AtomicLong();
    private final AtomicLong mismatched = new AtomicLong();

    TranscriptReconciliationRuns(
            TranscriptReconciliation reconciliation,
            TranscriptProperties properties,
            ObjectProvider<TranscriptReadBack> readBack,
            CredBridgeMetrics metrics) {
        this.reconciliation = reconciliation;
        this.enabled = properties.reconciliation().enabled();
        if (!enabled) {
            return;
        }
        if (readBack.getIfAvailable() == null) {
            throw new IllegalStateException("credbridge.transcript.reconciliation.enabled is true, but "
                    + new TranscriptReconciliation.CannotReadBackException(reconciliation.target()).getMessage()
                    + "; or set credbridge.transcript.reconciliation.enabled to false");
        }
        // Until the first run there is nothing to report: the gauges read NaN rather than a reassuring zero.
        metrics.transcriptReconciliation(reconciliation.target(), "missing", () -> known(missing));
        metrics.transcriptReconciliation(reconciliation.target(), "extra", () -> known(extra));
        metrics.transcriptReconciliation(reconciliation.target(), "mismatched", () -> known(mismatched));
        missing.set(-1);
        extra.set(-1);
        mismatched.set(-1);
    }

    /** The route's call: one full run when enabled, nothing otherwise. */
    public void scheduled() {
        if (!enabled) {
            return;
        }
        TranscriptReconciliation.Report report = reconciliation.run(reconciliation.target(), null);
        missing.set(report.missing().size());
        extra.set(report.extra().size());
        mismatched.set(report.mismatched().size());
        log.info(
                "Transcript reconciliation of {} ({} awards): {} missing, {} extra, {} mismatched",
                report.target(),
                report.awards(),
                report.missing().size(),
                report.extra().size(),
                report.mismatched().size());
    }

    private static double known(AtomicLong count) {
        long value = count.get();
        return value < 0 ? Double.NaN : value;
    }
}
