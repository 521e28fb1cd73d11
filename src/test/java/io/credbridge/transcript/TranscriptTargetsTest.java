package io.credbridge.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credbridge.award.AwardChange;
import io.credbridge.catalog.CourseCompleted;
import io.credbridge.catalog.CredentialCatalog;
import io.credbridge.catalog.Definitions;
import io.credbridge.catalog.Issuer;
import io.credbridge.outbox.Destination;
import io.credbridge.outbox.OutboxEvent;
import io.credbridge.outbox.PartialDelivery;
import io.credbridge.testsupport.H2TestDatabase;
import io.credbridge.testsupport.MigratedDatabase;
import io.credbridge.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A campus with several SIS: each entry goes to its credential's route, else its issuer's, else the default. */
class TranscriptTargetsTest {

    static final Issuer NURSING = new Issuer("https://nursing.example.edu", "School of Nursing");

    private final CredentialCatalog catalog = CredentialCatalog.of(List.of(
            Definitions.badge("sql-basics", new CourseCompleted("https://lms.example.edu/courses/sql")),
            Definitions.withIssuer(
                    Definitions.badge("wound-care", new CourseCompleted("https://lms.example.edu/courses/wound")),
                    NURSING),
            Definitions.withIssuer(
                    Definitions.badge("first-aid", new CourseCompleted("https://lms.example.edu/courses/aid")),
                    NURSING)));
    private final RecordingSis banner = new RecordingSis("ethos");
    private final RecordingSis workday = new RecordingSis("rest");
    private final RecordingSis files = new RecordingSis("files");

    @Test
    void anEntryGoesToItsCredentialsRouteElseItsIssuersElseTheDefaultTarget() {
        TranscriptTargets targets = targets(
                TranscriptProperties.Target.ETHOS,
                route(TranscriptProperties.Target.REST, null, NURSING.id()),
                route(TranscriptProperties.Target.FILES, "first-aid", null));

        assertThat(targets.targetOf("sql-basics", Definitions.ISSUER.id())).isEqualTo("ethos");
        assertThat(targets.targetOf("wound-care", NURSING.id())).isEqualTo("rest");
        assertThat(targets.targetOf("first-aid", NURSING.id()))
                .as("the credential's own route wins over its issuer's")
                .isEqualTo("files");
        assertThat(targets.names()).as("the default first").startsWith("ethos").hasSize(3);
    }

    @Test
    void routesNamingWhatTheCatalogDoesNotHoldStopStartupEachNamedByItsSetting() {
        assertThatThrownBy(() -> targets(
                        TranscriptProperties.Target.ETHOS,
                        route(TranscriptProperties.Target.REST, "wound-cair", null),
                        route(TranscriptProperties.Target.REST, null, "https://nursing.example.org"),
                        route(TranscriptProperties.Target.FILES, "first-aid", null),
                        route(TranscriptProperties.Target.REST, "first-aid", null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("credbridge.transcript.routes[0].credential: no credential 'wound-cair'")
                .hasMessageContaining("credbridge.transcript.routes[1].issuer: no issuer 'https://nursing.example.org'")
                .hasMessageContaining(
                        "credbridge.transcript.routes[3].credential: the credential 'first-aid' has a route already,"
                                + " to files");
    }

    @Test
    void aRouteToATargetWhoseAdapterIsNotConfiguredStopsStartup() {
        TranscriptProperties properties = properties(
                TranscriptProperties.Target.ETHOS, route(TranscriptProperties.Target.CSV, "first-aid", null));

        assertThatThrownBy(() -> new TranscriptTargets(List.of(banner), properties, catalog))
                .hasMessageContaining("transcript entries can go to csv, but no csv adapter is configured");
    }

    @Test
    void aBatchIsSplitByTargetAndEachSisGetsOnlyItsOwnEntriesWithItsRecordIdsKept() {
        TranscriptTargets targets =
                targets(TranscriptProperties.Target.ETHOS, route(TranscriptProperties.Target.REST, null, NURSING.id()));
        ReviewQueueFixture queue = queue(targets);

        queue.deliver(
                change("a-1", "sql-basics", Definitions.ISSUER),
                change("a-2", "wound-care", NURSING),
                change("a-3", "sql-basics", Definitions.ISSUER));

        assertThat(banner.written).containsExactly("a-1/ISSUED", "a-3/ISSUED");
        assertThat(workday.written).containsExactly("a-2/ISSUED");
        assertThat(queue.sisRecordIds("a-1/ISSUED", "a-2/ISSUED"))
                .containsEntry("a-1/ISSUED", "ethos:a-1/ISSUED")
                .containsEntry("a-2/ISSUED", "rest:a-2/ISSUED");
    }

    @Test
    void aSisThatIsDownHoldsBackOnlyItsOwnEntriesTheOthersAreDeliveredAndSaidSo() {
        TranscriptTargets targets =
                targets(TranscriptProperties.Target.ETHOS, route(TranscriptProperties.Target.REST, null, NURSING.id()));
        ReviewQueueFixture queue = queue(targets);
        workday.down = true;
        List<OutboxEvent> events = List.of(
                event(change("a-1", "sql-basics", Definitions.ISSUER)),
                event(change("a-2", "wound-care", NURSING)),
                event(change("a-3", "sql-basics", Definitions.ISSUER)));

        assertThatThrownBy(() -> queue.entries().deliver(events))
                .isInstanceOfSatisfying(
                        PartialDelivery.class,
                        partial -> assertThat(partial.deliveredEventIds())
                                .containsExactlyInAnyOrder(
                                        events.get(0).eventId(), events.get(2).eventId()))
                .hasCauseInstanceOf(TransientSisFailure.class);
        assertThat(banner.written).containsExactly("a-1/ISSUED", "a-3/ISSUED");
    }

    private static ReviewQueueFixture queue(TranscriptTargets targets) {
        return ReviewQueueFixture.routed(
                MigratedDatabase.of(H2TestDatabase.newDataSource()),
                targets,
                new MutableClock(Instant.parse("2026-11-30T09:00:00Z")));
    }

    private static OutboxEvent event(AwardChange change) {
        return OutboxEvent.of(
                Destination.TRANSCRIPT, "award", change.awardId(), change.eventType(), change.toJson(), Instant.now());
    }

    private TranscriptTargets targets(TranscriptProperties.Target target, TranscriptProperties.Route... routes) {
        return new TranscriptTargets(List.of(banner, workday, files), properties(target, routes), catalog);
    }

    /** Settings of a campus whose entries go to the target unless a route says otherwise. */
    static TranscriptProperties properties(TranscriptProperties.Target target, TranscriptProperties.Route... routes) {
        return new TranscriptProperties(
                target,
                List.of(routes),
                new TranscriptProperties.Breaker(50, 10, 5, Duration.ofMinutes(1), 2),
                null,
                null,
                null,
                Duration.ofMinutes(1),
                new TranscriptProperties.Reconciliation(false, Duration.ofHours(1)));
    }

    private static TranscriptProperties.Route route(
            TranscriptProperties.Target target, String credential, String issuer) {
        return new TranscriptProperties.Route(target, credential, issuer);
    }

    private static AwardChange change(String awardId, String credentialId, Issuer issuer) {
        String json = ReviewQueueFixture.change(awardId, "ISSUED", "auto").toJson();
        return AwardChange.fromJson(
                json.replace("\"credentialId\":\"badge\"", "\"credentialId\":\"" + credentialId + "\"")
                        .replace("\"issuerId\":\"https://example.edu\"", "\"issuerId\":\"" + issuer.id() + "\""));
    }

    /** A SIS that takes every entry and names its record after itself and the entry. */
    private static final class RecordingSis implements TranscriptWriter {
        private final String target;
        private final List<String> written = new ArrayList<>();
        private boolean down;

        RecordingSis(String target) {
            this.target = target;
        }

        @Override
        public List<WrittenEntry> write(List<TranscriptEntry> entries) {
            if (down) {
                throw new TransientSisFailure(target + " answered 503");
            }
            entries.forEach(entry -> written.add(entry.idempotencyKey()));
            return entries.stream()
                    .map(entry -> new WrittenEntry(entry, target + ":" + entry.idempotencyKey()))
                    .toList();
        }

        @Override
        public String target() {
            return target;
        }
    }
}
