package io.credbridge.ingest.caliper;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A valid Caliper envelope.
 *
 * @param sensor the sensor that sent it, as the envelope names it
 * @param version the Caliper version of its data
 * @param data its events and entity describes, in the sender's order
 */
record CaliperEnvelope(String sensor, CaliperVersion version, List<JsonNode> data) {

    CaliperEnvelope {
        data = List.copyOf(data);
    }
}
