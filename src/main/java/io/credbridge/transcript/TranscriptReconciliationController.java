package io.credbridge.transcript;

import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reconciliation on demand: what the SIS is missing, holds extra or holds otherwise, for a target. */
@RestController
class TranscriptReconciliationController {

    private final TranscriptReconciliation reconciliation;

    TranscriptReconciliationController(TranscriptReconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    /** Every learner's awards, or one learner's ({@code learnerId}); the SIS is read at the time of the call. */
    @GetMapping("/api/transcript/reconciliation")
    ReportView reconcile(@RequestParam String target, @RequestParam(required = false) String learnerId) {
        return ReportView.of(reconciliation.run(target, learnerId));
    }

    record Counts(int missing, int extra, int mismatched) {}

    record ReportView(
            String target,
            String learnerId,
            Instant checkedAt,
            int awards,
            Counts counts,
            List<Discrepancy> missing,
            List<Discrepancy> extra,
            List<Discrepancy> mismatched,
            List<TranscriptReconciliation.NotChecked> notChecked) {

        static ReportView of(TranscriptReconciliation.Report report) {
            return new ReportView(
                    report.target(),
                    report.learnerId(),
                    report.checkedAt(),
                    report.awards(),
                    new Counts(
                            report.missing().size(),
                            report.extra().size(),
                            report.mismatched().size()),
                    report.missing(),
                    report.extra(),
                    report.mismatched(),
                    report.notChecked());
        }
    }
}
