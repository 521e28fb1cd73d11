package io.credbridge.ingest.canvas;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credbridge.ingest.RejectedInputException;
import io.credbridge.ingest.caliper.CaliperSensorIngest;
import io.credbridge.ingest.canvas.CanvasSqsQueue.QueuedMessage;
import io.credbridge.ops.CredBridgeMetrics;
import java.util.List;

/**
 * Reads an SQS message's body, the raw event JSON, with the mapping of the format the Canvas subscription uses: a
 * Canvas-format event ({@code metadata}, {@code body}) as the HTTPS endpoint maps it, a Caliper 1.1 envelope
 * ({@code dataVersion}, {@code data}) as the Caliper endpoint does. Whatever cannot be read becomes a rejection
 * with its reason; nothing is dropped.
 */
class QueuedEvents {

    private final ObjectMapper json = new ObjectMapper();
    private final CanvasLiveEventIngest canvas;
    private final CaliperSensorIngest caliper;
    private final CredBridgeMetrics metrics;

    QueuedEvents(CanvasLiveEventIngest canvas, CaliperSensorIngest caliper, CredBridgeMetrics metrics) {
        this.canvas = canvas;
        this.caliper = caliper;
        this.metrics = metrics;
    }

    QueuedEvent read(QueuedMessage message) {
        String body = message.body() == null ? "" : message.body();
        try {
            JsonNode event = parse(body);
            if (CaliperFormat.isEnvelope(event)) {
                return QueuedEvent.of(message, caliper.acceptQueued(body));
            }
            return QueuedEvent.of(message, canvas.acceptQueued(event));
        } catch (RejectedInputException e) {
            return QueuedEvent.rejected(message, e.describe(), e.getClass().getName());
        } catch (RuntimeException e) {
            // A message that breaks the mapping itself is set aside like invalid input, so it cannot block the
            // queue; once the cause is fixed, its dead letter is replayed.
            return QueuedEvent.rejected(
                    message, "the event could not be mapped: " + e, e.getClass().getName());
        }
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body.strip());
        } catch (JsonProcessingException e) {
            metrics.sourceEvent(CanvasEventNormalizer.SOURCE, CanvasLiveEventIngest.UNREAD, "rejected");
            String detail = "the message body is not JSON: " + e.getOriginalMessage();
            throw new RejectedInputException(
                    400,
                    "The Canvas Live Event is malformed",
                    detail,
                    List.of(new RejectedInputException.Violation("", detail)));
        }
    }
}
