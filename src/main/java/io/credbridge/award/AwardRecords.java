package io.credbridge.award;

import java.util.List;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The awards made, as stored, for other features to read: reconciliation compares them with the SIS. */
@Component
public class AwardRecords {

    private final AwardLedger ledger;

    AwardRecords(AwardLedger ledger) {
        this.ledger = ledger;
    }

    public static AwardRecords of(NamedParameterJdbcTemplate jdbc) {
        return new AwardRecords(new AwardLedger(jdbc));
    }

    /** Every award of every learner, in any status. */
    public List<AwardRecord> all() {
        return ledger.everyAward();
    }

    /** A learner's awards, in any status. */
    public List<AwardRecord> of(String learnerId) {
        return ledger.awardsOf(learnerId);
    }
}
