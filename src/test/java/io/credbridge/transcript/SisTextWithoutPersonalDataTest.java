package io.credbridge.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.credbridge.award.AwardChange;
import io.credbridge.deadletter.DeadLetterEntry;
import io.credbridge.outbox.Destination;
import io.credbridge.outbox.OutboxEvent;
import io.credbridge.testsupport.H2TestDatabase;
import io.credbridge.testsupport.MigratedDatabase;
import io.credbridge.testsupport.MutableClock;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A SIS's error text often echoes the learner it is about. CredBridge keeps the text (a registrar needs it), the
 * status and the SIS's code, but not the learner's e-mail address, LMS id or SIS person id.
 */
@ExtendWith(OutputCaptureExtension.class)
class SisTextWithoutPersonalDataTest {

    private static final Logger log = LoggerFactory.getLogger(SisTextWithoutPersonalDataTest.class);
    private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");

    /** What the SIS answers, quoting the learner three ways. */
    private static final String ETHOS_REFUSAL = """
            {"errors":[{"code":"Validation.Exception","message":"Student s4711042 (person P0012345, \
            zoe.sis@example.edu) is not enrolled in program BIO-BS"}]}""";

    private final MutableClock clock = new MutableClock(T0);
    private final SisResponses responses = new SisResponses("ethos", clock);

    @Test
    void aRefusalKeepsTheStatusTheCodeAndTheSisWordsButNotTheLearner() {
        PermanentSisRejection refusal = catchThrowableOfType(
                PermanentSisRejection.class,
                () -> responses.check(
                        "a-1/ISSUED", answer(422, ETHOS_REFUSAL), learner().learners()));

        assertThat(refusal.getMessage())
                .contains("HTTP 422, Validation.Exception")
                .contains("is not enrolled in program BIO-BS")
                .matches(".*Student <learner [0-9a-f]{8}> \\(person <learner [0-9a-f]{8}>, <e-mail [0-9a-f]{8}>\\).*");
        assertThat(refusal.sisMessage()).satisfies(SisTextWithoutPersonalDataTest::hidesTheLearner);
        assertThat(refusal.getMessage()).satisfies(SisTextWithoutPersonalDataTest::hidesTheLearner);
    }

    @Test
    void aRefusedEntryWaitsInTheReviewQueueWithTheSisWordsButNotTheLearner() {
        ReviewQueueFixture queue =
                ReviewQueueFixture.of(MigratedDatabase.of(H2TestDatabase.newDataSource()), new RefusingSis(), clock);

        queue.deliver(change("a-1"));

        assertThat(queue.review().list(ReviewStatus.FAILED, 10)).singleElement().satisfies(entry -> {
            assertThat(entry.sisMessage()).contains("is not enrolled in program BIO-BS");
            hidesTheLearner(entry.sisMessage());
            hidesTheLearner(entry.note());
        });
    }

    @Test
    void aSisThatIsDownIsLoggedAndDeadLetteredWithItsWordsButNotTheLearner(CapturedOutput output) {
        String outage = "Service Unavailable: the queue of learner s4711042 (P0012345) is full";
        TransientSisFailure failure = catchThrowableOfType(
                TransientSisFailure.class,
                () -> responses.check(
                        "a-1/ISSUED", answer(503, outage), learner().learners()));

        log.warn("Delivery of 1 TRANSCRIPT event(s) failed (1 given up): {}", failure.getMessage());
        DeadLetterEntry deadLetter = DeadLetterEntry.ofOutboxEvent(
                OutboxEvent.of(Destination.TRANSCRIPT, "award", "a-1", "award.issued", "{}", T0),
                "delivery failed after the last allowed attempt: " + failure.getMessage(),
                TransientSisFailure.class.getName(),
                T0);

        assertThat(failure).hasMessageContaining("answered HTTP 503").hasMessageContaining("is full");
        hidesTheLearner(failure.getMessage());
        hidesTheLearner(deadLetter.reason());
        assertThat(output.getOut()).contains("answered HTTP 503 for a-1/ISSUED: Service Unavailable");
        hidesTheLearner(output.getOut());
    }

    @Test
    void aRejectionInAnAcknowledgementFileIsKeptWithoutTheLearner() {
        ReviewQueueFixture queue = ReviewQueueFixture.of(
                MigratedDatabase.of(H2TestDatabase.newDataSource()), new LoadingLaterSis(), clock);
        queue.deliver(change("a-1"));

        queue.acknowledgements()
                .apply(
                        "ack-1.csv",
                        "0000",
                        List.of(new Acknowledgement(
                                "a-1",
                                TranscriptEntry.Action.ISSUED,
                                false,
                                "ENRL",
                                "Student s4711042 zoe.sis@example.edu not enrolled")));

        assertThat(queue.review().list(ReviewStatus.FAILED, 10)).singleElement().satisfies(entry -> {
            assertThat(entry.sisMessage()).contains("not enrolled");
            hidesTheLearner(entry.sisMessage());
            hidesTheLearner(entry.note());
        });
    }

    private static void hidesTheLearner(String text) {
        assertThat(text)
                .doesNotContainIgnoringCase("4711042")
                .doesNotContain("0012345")
                .doesNotContain("zoe.sis");
    }

    private static TranscriptEntry learner() {
        return TranscriptEntry.of(change("a-1"));
    }

    private static AwardChange change(String awardId) {
        return AwardChange.fromJson("""
                {"action":"ISSUED","awardId":"%s","learnerId":"s4711042","sisPersonId":"P0012345",
                 "credentialId":"badge","credentialVersion":1,"credentialName":"Badge","credentialKind":"badge",
                 "issuerId":"https://example.edu","issuerName":"Example","criteria":[],
                 "awardedAt":"2026-11-21T10:00:00Z","earnedAt":"2026-11-21T09:00:00Z","evidenceEventIds":["e1"],
                 "source":"xapi","eventReceivedAt":"2026-11-21T09:59:00Z","transcript":"auto"}
                """.formatted(awardId));
    }

    /** A SIS over HTTP that refuses every entry, quoting its learner. */
    private final class RefusingSis implements TranscriptWriter {
        @Override
        public List<WrittenEntry> write(List<TranscriptEntry> entries) {
            entries.forEach(
                    entry -> responses.check(entry.idempotencyKey(), answer(422, ETHOS_REFUSAL), entry.learners()));
            return List.of();
        }

        @Override
        public String target() {
            return "ethos";
        }
    }

    /** A batch-import SIS: takes the file now, says in an acknowledgement file later what it loaded. */
    private static final class LoadingLaterSis implements TranscriptWriter {
        @Override
        public List<WrittenEntry> write(List<TranscriptEntry> entries) {
            return entries.stream().map(entry -> new WrittenEntry(entry, null)).toList();
        }

        @Override
        public String target() {
            return "files";
        }

        @Override
        public boolean acknowledgesLater() {
            return true;
        }
    }

    @SuppressWarnings("unchecked")
    private static HttpResponse<String> answer(int status, String body) {
        HttpResponse<String> response = mock(HttpResponse.class);
        when(response.statusCode()).thenReturn(status);
        when(response.body()).thenReturn(body);
        when(response.headers()).thenReturn(HttpHeaders.of(Map.of(), (name, value) -> true));
        return response;
    }
}
