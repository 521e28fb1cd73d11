package io.credbridge.ingest.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.credbridge.ingest.RejectedInputException.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The structural rules of a statement, as the JSON Schema in {@code xapi/statement.schema.json} states them. */
final class StatementSchema {

    private static final String RESOURCE = "xapi/statement.schema.json";

    private final JsonSchema schema;
    private final SchemaViolationWording wording;

    private StatementSchema(JsonNode document) {
        // Format assertions are off by default in 2020-12; xAPI relies on them for IRIs and timestamps.
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_POINTER)
                .build();
        this.schema =
                JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(document, config);
        this.wording = new SchemaViolationWording(document);
    }

    static StatementSchema load() {
        try (InputStream in = StatementSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new StatementSchema(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Violations with pointers relative to the statement; the same finding reached twice is reported once. */
    List<Violation> check(JsonNode statement) {
        return schema.validate(statement).stream()
                .map(wording::violation)
                .distinct()
                .toList();
    }
}
