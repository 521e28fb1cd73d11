package io.credbridge.ingest.openedx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

/**
 * Reads a record's value in the Confluent wire format (magic byte 0, the writer schema's 4-byte id, Avro binary)
 * into the shipped schema of the event type its ce_type header names. The writer schema is the registry's schema of
 * that id when a registry is configured (a newer LMS may have added fields), else the shipped one.
 */
class OpenEdxEventDecoder {

    private static final int HEADER = 5;

    private final OpenEdxSchemas schemas;
    private final SchemaRegistry registry;

    /** @param registry null when no schema registry is configured */
    OpenEdxEventDecoder(OpenEdxSchemas schemas, SchemaRegistry registry) {
        this.schemas = schemas;
        this.registry = registry;
    }

    /**
     * @return the event's data, or empty for an event type CredBridge does not act on (its value is not read)
     * @throws UnreadableRecordException when the value is not the event ce_type names, in Avro
     */
    Optional<GenericRecord> decode(String eventType, byte[] value) {
        Optional<Schema> reader = schemas.of(eventType);
        if (reader.isEmpty()) {
            return Optional.empty();
        }
        if (value.length < HEADER || value[0] != 0) {
            throw new UnreadableRecordException("the value is not in the Confluent wire format (magic byte 0, a 4-byte"
                    + " schema id, then Avro binary): it has " + value.length + " bytes"
                    + (value.length > 0 ? " and starts with byte " + value[0] : ""));
        }
        int schemaId = ByteBuffer.wrap(value, 1, 4).getInt();
        Schema writer = registry == null ? reader.get() : registry.schema(schemaId);
        if (!OpenEdxSchemas.recordName(eventType).equals(writer.getFullName())) {
            throw new UnreadableRecordException("the value was written with schema " + schemaId + " ("
                    + writer.getFullName() + "), not " + OpenEdxSchemas.recordName(eventType) + " as ce_type says");
        }
        try {
            BinaryDecoder in = DecoderFactory.get().binaryDecoder(value, HEADER, value.length - HEADER, null);
            GenericRecord data = new GenericDatumReader<GenericRecord>(writer, reader.get()).read(null, in);
            if (!in.isEnd()) {
                throw new UnreadableRecordException("the value has bytes after the " + eventType + " event's data");
            }
            return Optional.of(data);
        } catch (IOException | AvroRuntimeException | ArrayIndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new UnreadableRecordException(
                    "the value is not a " + eventType + " event in Avro (schema " + schemaId + "): " + e, e);
        }
    }
}
