package io.credbridge.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;

/**
 * The Avro schemas in schemas/ are the public contract. Every released version of a schema is kept as a snapshot
 * in schemas/released/&lt;Name&gt;/&lt;version&gt;.avsc (copy the file there when you release); the current
 * schema must be able to read data written with every snapshot (backward compatibility), so subscribers can
 * upgrade in any order.
 */
class AvroContractTest {

    static final Path CURRENT = Path.of("schemas", "io", "credbridge", "avro");
    static final Path RELEASED = Path.of("schemas", "released");

    @Test
    void everyCurrentSchemaReadsDataWrittenWithEveryReleasedVersionOfItself() throws IOException {
        List<String> incompatible = new ArrayList<>();
        for (Path snapshot : releasedSnapshots()) {
            String name = snapshot.getParent().getFileName().toString();
            Path current = CURRENT.resolve(name + ".avsc");
            assertThat(current)
                    .as("released schema %s has no current version: removing a contract breaks subscribers", snapshot)
                    .exists();
            String problem = backwardIncompatibility(parse(current), parse(snapshot));
            if (problem != null) {
                incompatible.add(snapshot + ": " + problem);
            }
        }
        assertThat(incompatible).isEmpty();
    }

    @Test
    void everyCurrentSchemaHasAReleasedVersionForTheCheckToGuard() throws IOException {
        List<String> released = releasedSnapshots().stream()
                .map(snapshot -> snapshot.getParent().getFileName() + ".avsc")
                .distinct()
                .toList();
        assertThat(currentSchemas())
                .extracting(file -> file.getFileName().toString())
                .isNotEmpty()
                .allSatisfy(name -> assertThat(released)
                        .as("schemas/released has no version of %s", name)
                        .contains(name));
    }

    @Test
    void eachReleasedSnapshotHoldsTheRecordItsFolderIsNamedFor() throws IOException {
        for (Path snapshot : releasedSnapshots()) {
            assertThat(parse(snapshot).getName())
                    .as(snapshot.toString())
                    .isEqualTo(snapshot.getParent().getFileName().toString());
        }
    }

    @Test
    void theCheckRejectsANewRequiredFieldAndAcceptsANewOptionalOne() throws IOException {
        Schema released = parse(CURRENT.resolve("LearningEvent.avsc"));
        String json = Files.readString(CURRENT.resolve("LearningEvent.avsc"));

        Schema withRequired = new Schema.Parser()
                .parse(json.replaceFirst(
                        "\"fields\": \\[",
                        "\"fields\": [{\"name\": \"campus\", \"type\": \"string\", \"doc\": \"x\"},"));
        Schema withOptional = new Schema.Parser()
                .parse(
                        json.replaceFirst(
                                "\"fields\": \\[",
                                "\"fields\": [{\"name\": \"campus\", \"type\": [\"null\", \"string\"], \"default\": null, \"doc\": \"x\"},"));

        assertThat(backwardIncompatibility(withRequired, released)).contains("campus");
        assertThat(backwardIncompatibility(withOptional, released)).isNull();
    }

    @Test
    void enumsFallBackToUnknownSoOldReadersSurviveNewSymbols() throws IOException {
        for (Path schemaFile : currentSchemas()) {
            collectEnums(parse(schemaFile), new ArrayList<>())
                    .forEach(enumSchema -> assertThat(enumSchema.getEnumDefault())
                            .as("enum %s in %s needs a default", enumSchema.getName(), schemaFile)
                            .isEqualTo("UNKNOWN"));
        }
    }

    @Test
    void everyRecordAndFieldIsDocumented() throws IOException {
        List<String> undocumented = new ArrayList<>();
        for (Path schemaFile : currentSchemas()) {
            collectRecords(parse(schemaFile), new ArrayList<>()).forEach(record -> {
                if (record.getDoc() == null) {
                    undocumented.add(record.getFullName());
                }
                record.getFields().stream()
                        .filter(field -> field.doc() == null || field.doc().isBlank())
                        .forEach(field -> undocumented.add(record.getFullName() + "." + field.name()));
            });
        }
        assertThat(undocumented).isEmpty();
    }

    @Test
    void eachFileHoldsTheRecordItIsNamedFor() throws IOException {
        for (Path schemaFile : currentSchemas()) {
            Schema schema = parse(schemaFile);
            assertThat(schema.getName() + ".avsc")
                    .isEqualTo(schemaFile.getFileName().toString());
            assertThat(schema.getNamespace()).isEqualTo("io.credbridge.avro");
        }
    }

    static String backwardIncompatibility(Schema reader, Schema writer) {
        SchemaCompatibility.SchemaPairCompatibility result =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
            return null;
        }
        return result.getResult().getIncompatibilities().stream()
                .map(i -> i.getType() + " at " + i.getLocation() + ": " + i.getMessage())
                .reduce((a, b) -> a + "; " + b)
                .orElse(result.getDescription());
    }

    private static List<Path> currentSchemas() throws IOException {
        try (Stream<Path> files = Files.list(CURRENT)) {
            return files.filter(f -> f.toString().endsWith(".avsc")).sorted().toList();
        }
    }

    private static List<Path> releasedSnapshots() throws IOException {
        if (!Files.isDirectory(RELEASED)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(RELEASED)) {
            return files.filter(f -> f.toString().endsWith(".avsc")).sorted().toList();
        }
    }

    private static Schema parse(Path file) throws IOException {
        return new Schema.Parser().parse(file.toFile());
    }

    private static List<Schema> collectRecords(Schema schema, List<Schema> found) {
        switch (schema.getType()) {
            case RECORD -> {
                if (found.stream().noneMatch(s -> s.getFullName().equals(schema.getFullName()))) {
                    found.add(schema);
                    schema.getFields().forEach(field -> collectRecords(field.schema(), found));
                }
            }
            case UNION -> schema.getTypes().forEach(type -> collectRecords(type, found));
            case ARRAY -> collectRecords(schema.getElementType(), found);
            case MAP -> collectRecords(schema.getValueType(), found);
            default -> {}
        }
        return found;
    }

    private static List<Schema> collectEnums(Schema schema, List<Schema> found) {
        collectRecords(schema, new ArrayList<>())
                .forEach(record -> record.getFields().forEach(field -> {
                    Schema type = field.schema();
                    if (type.getType() == Schema.Type.ENUM) {
                        found.add(type);
                    }
                }));
        return found;
    }
}
