package io.credbridge.ingest.openedx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * The writer schemas of a Confluent-compatible schema registry, by id ({@code GET /schemas/ids/{id}}). A schema id
 * never changes its schema, so each is fetched once and kept.
 */
class SchemaRegistry {

    private final ObjectMapper json = new ObjectMapper();
    private final Map<Integer, Schema> schemas = new ConcurrentHashMap<>();
    private final HttpClient http;
    private final String url;
    private final Duration timeout;

    SchemaRegistry(String url, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /**
     * @throws UnreadableRecordException when the registry has no such schema, or it is not an Avro schema
     * @throws UncheckedIOException when the registry cannot be asked now (the poll is read again later)
     */
    Schema schema(int id) {
        Schema known = schemas.get(id);
        if (known != null) {
            return known;
        }
        Schema fetched = fetch(id);
        schemas.putIfAbsent(id, fetched);
        return fetched;
    }

    private Schema fetch(int id) {
        HttpResponse<String> answer;
        try {
            answer = http.send(
                    HttpRequest.newBuilder(URI.create(url + "/schemas/ids/" + id))
                            .timeout(timeout)
                            .header("Accept", "application/vnd.schemaregistry.v1+json, application/json")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("the schema registry " + url + " cannot be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the schema registry for schema " + id, e);
        }
        if (answer.statusCode() == 404) {
            throw new UnreadableRecordException("the schema registry " + url + " has no schema with id " + id);
        }
        if (answer.statusCode() != 200) {
            throw new UncheckedIOException(new IOException("the schema registry " + url + " answered "
                    + answer.statusCode() + " for schema " + id + ": " + answer.body()));
        }
        try {
            JsonNode body = json.readTree(answer.body());
            String type = body.path("schemaType").asText("AVRO");
            if (!"AVRO".equals(type)) {
                throw new UnreadableRecordException("schema " + id + " is a " + type + " schema, not Avro");
            }
            return new Schema.Parser().parse(body.path("schema").asText());
        } catch (IOException | SchemaParseException e) {
            throw new UnreadableRecordException(
                    "schema " + id + " from the schema registry is not an Avro schema: " + e.getMessage(), e);
        }
    }
}
