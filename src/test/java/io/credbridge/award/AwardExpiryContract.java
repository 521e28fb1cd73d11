package io.credbridge.award;

import static org.assertj.core.api.Assertions.assertThat;

import io.credbridge.catalog.CourseCompleted;
import io.credbridge.catalog.CredentialCatalog;
import io.credbridge.catalog.CredentialDefinition;
import io.credbridge.catalog.Definitions;
import io.credbridge.catalog.Validity;
import io.credbridge.ops.CredBridgeMetrics;
import io.credbridge.outbox.OutboxStore;
import io.credbridge.testsupport.MigratedDatabase;
import io.credbridge.testsupport.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The expiry sweep against a real database; subclasses run it on H2 and on PostgreSQL. */
abstract class AwardExpiryContract {

    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    static final String COURSE = "https://lms.example.edu/courses/1";
    static final CredentialDefinition SHORT_LIVED = definition("short-lived", new Validity("PT1H", null));
    static final CredentialDefinition FOREVER = definition("forever", null);

    private final MutableClock clock = new MutableClock(T0);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RecordedRevocations revocations = new RecordedRevocations();
    private NamedParameterJdbcTemplate jdbc;
    private TransactionTemplate transactions;
    private AwardLedger ledger;
    private AwardExpiry expiry;

    abstract DataSource dataSource();

    @BeforeEach
    void migrate() {
        MigratedDatabase database = MigratedDatabase.of(dataSource());
        jdbc = database.jdbc();
        transactions = database.transactions();
        ledger = new AwardLedger(jdbc);
        CredentialCatalog catalog = CredentialCatalog.of(List.of(SHORT_LIVED, FOREVER));
        expiry = new AwardExpiry(
                ledger,
                catalog,
                new AwardEndings(ledger, catalog, new OutboxStore(jdbc), revocations),
                transactions,
                new CredBridgeMetrics(meters),
                clock);
    }

    @Test
    void anAwardExpiresAtTheEndOfItsValidityWithItsExpiredRowsAndOnlyOnce() {
        String learner = "alice-" + UUID.randomUUID();
        Award shortLived = award(learner, SHORT_LIVED);
        Award forever = award(learner, FOREVER);
        transactions.executeWithoutResult(status -> ledger.recordAwards(List.of(shortLived, forever)));

        clock.advance(Duration.ofMinutes(59));
        assertThat(expiry.sweep()).isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(expiry.sweep()).isEqualTo(1);
        assertThat(revocations.calls()).as("an expiry is no revocation").isEmpty();
        assertThat(expiry.sweep()).as("an award expires once").isZero();

        AwardRecord expired = ledger.find(shortLived.awardId()).orElseThrow();
        assertThat(expired.status()).isEqualTo("EXPIRED");
        assertThat(expired.expiresAt()).isEqualTo(T0.plusSeconds(3600));
        assertThat(expired.endedAt()).isEqualTo(T0.plusSeconds(3600));
        assertThat(expired.endReason()).contains("validity ended");
        assertThat(ledger.find(forever.awardId()).orElseThrow().status()).isEqualTo("ACTIVE");
        assertThat(jdbc.queryForList(
                        "select destination, event_type from outbox_event where aggregate_id = :award order by seq",
                        Map.of("award", shortLived.awardId())))
                .extracting(row -> row.get("destination") + " " + row.get("event_type"))
                .containsExactly("TRANSCRIPT award.expired", "BADGE award.expired");
        assertThat(meters.get("credbridge.award.changes")
                        .tag("action", "EXPIRED")
                        .counter()
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void aLearnerCanEarnTheCredentialAgainOnceItsAwardExpired() {
        String learner = "bob-" + UUID.randomUUID();
        Award first = award(learner, SHORT_LIVED);
        transactions.executeWithoutResult(status -> ledger.recordAwards(List.of(first)));
        clock.advance(Duration.ofHours(2));
        expiry.sweep();

        Award again = award(learner, SHORT_LIVED);
        transactions.executeWithoutResult(status -> ledger.recordAwards(List.of(again)));

        assertThat(ledger.awardsOf(learner))
                .extracting(AwardRecord::status)
                .containsExactlyInAnyOrder("EXPIRED", "ACTIVE");
        assertThat(ledger.progressOf(List.of(learner)).get(learner).heldAward("short-lived"))
                .map(HeldAward::awardId)
                .hasValue(again.awardId());
    }

    @Test
    void anAwardWhoseCredentialLeftTheCatalogStaysActiveRatherThanExpireWithoutADescription() {
        Award orphan = award("carol-" + UUID.randomUUID(), definition("gone", new Validity("PT1H", null)));
        transactions.executeWithoutResult(status -> ledger.recordAwards(List.of(orphan)));
        clock.advance(Duration.ofHours(2));

        assertThat(expiry.sweep()).isZero();
        assertThat(ledger.find(orphan.awardId()).orElseThrow().status()).isEqualTo("ACTIVE");
    }

    private Award award(String learner, CredentialDefinition credential) {
        return new Award(
                UUID.randomUUID().toString(),
                learner,
                credential,
                clock.instant(),
                clock.instant(),
                List.of("e-" + UUID.randomUUID()),
                new Award.Trigger("e", "xapi", clock.instant()),
                null,
                null);
    }

    private static CredentialDefinition definition(String id, Validity validity) {
        return Definitions.withValidity(Definitions.badge(id, new CourseCompleted(COURSE)), validity);
    }
}
