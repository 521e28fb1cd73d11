package io.credbridge.ingest.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.credbridge.avro.LearningEvent;
import io.credbridge.avro.LearningEventType;
import io.credbridge.ingest.caliper.CaliperIngestProperties;
import io.credbridge.ingest.caliper.CaliperSensorIngest;
import io.credbridge.ingest.canvas.CanvasSqsQueue.QueuedMessage;
import io.credbridge.ops.CredBridgeMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A queued message's body read in the subscription's format, with the HTTP endpoints' own mapping. */
class QueuedEventsTest {

    static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CredBridgeMetrics metrics = new CredBridgeMetrics(meters);
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final QueuedEvents reader = new QueuedEvents(
            new CanvasLiveEventIngest(
                    new CanvasSignature(
                            CanvasIngestProperties.signed(URI.create(CanvasIngestProperties.DEFAULT_JWKS_URL), "", "")),
                    new CanvasEventNormalizer(""),
                    CaliperSensorIngest.of(new CaliperIngestProperties(true, List.of()), metrics, clock),
                    true,
                    metrics,
                    clock),
            CaliperSensorIngest.of(new CaliperIngestProperties(true, List.of()), metrics, clock),
            metrics);

    @Test
    void aCanvasFormatEventNeedsNoSignatureAndIsMappedAsTheHttpsEndpointMapsIt() {
        ObjectNode completion = CanvasCorpus.event("course_completed");

        QueuedEvent read = reader.read(message(completion.toString()));

        assertThat(read.isRejected()).isFalse();
        LearningEvent event = read.events().get(0);
        assertThat(read.events()).hasSize(1);
        assertThat(event.getType()).isEqualTo(LearningEventType.COURSE_COMPLETED);
        assertThat(event.getSource()).isEqualTo("canvas");
        assertThat(event.getEventId())
                .as("the id the HTTPS delivery of the same event gets, so either delivery counts once")
                .isEqualTo(new CanvasEventNormalizer("")
                        .normalize(completion, NOW)
                        .event()
                        .orElseThrow()
                        .getEventId());
    }

    @Test
    void aCaliperFormatEnvelopeIsReadAndMappedAsTheCaliperEndpointDoes() {
        ObjectNode envelope = CanvasCorpus.caliperEnvelope("grade_change");

        QueuedEvent read = reader.read(message(envelope.toString()));

        assertThat(read.rejectedBecause()).isNull();
        assertThat(read.caliper()).isNotNull();
        assertThat(read.events()).singleElement().satisfies(event -> {
            assertThat(event.getType()).isEqualTo(LearningEventType.ASSESSMENT_GRADED);
            assertThat(event.getEventId()).isEqualTo("urn:uuid:319f0132-0584-4efd-9489-4959b7101731");
            assertThat(event.getScore().getGiven()).isEqualTo(5.0);
        });
    }

    @Test
    void aBodyThatIsNotJsonIsRejectedSayingSo() {
        QueuedEvent read = reader.read(message("course_completed for 123"));

        assertThat(read.isRejected()).isTrue();
        assertThat(read.rejectedBecause()).contains("the message body is not JSON");
        assertThat(read.errorType()).isEqualTo("io.credbridge.ingest.RejectedInputException");
        assertThat(read.events()).isEmpty();
        assertThat(meters.counter(
                                "credbridge.source.events",
                                "source",
                                "canvas",
                                "event",
                                "unread",
                                "outcome",
                                "rejected")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void anEventThatLacksAFieldCredBridgeNeedsIsRejectedNamingTheField() {
        ObjectNode completion = CanvasCorpus.event("course_completed");
        ((ObjectNode) completion.at("/body/user")).remove("id");

        QueuedEvent read = reader.read(message(completion.toString()));

        assertThat(read.rejectedBecause())
                .contains("The Canvas Live Event is malformed")
                .contains("/body/user/id is required");
    }

    @Test
    void anEventCredBridgeDoesNotActOnIsNeitherRejectedNorPublished() {
        QueuedEvent read =
                reader.read(message(CanvasCorpus.event("course_progress").toString()));

        assertThat(read.isRejected()).isFalse();
        assertThat(read.events()).isEmpty();
        assertThat(read.canvas().ignoredBecause()).contains("course_progress");
    }

    @Test
    void aCaliperEnvelopeOfAVersionCredBridgeDoesNotTakeIsRejectedNamingTheVersion() {
        String envelope = """
                {"sensor": "https://canvas.example.edu/", "sendTime": "2026-11-30T10:00:00.000Z",
                 "dataVersion": "http://purl.imsglobal.org/ctx/caliper/v1p0", "data": [{"type": "Person"}]}
                """;

        QueuedEvent read = reader.read(message(envelope));

        assertThat(read.rejectedBecause()).contains("v1p0");
    }

    static QueuedMessage message(String body) {
        return new QueuedMessage("message-1", "receipt-1", body);
    }
}
