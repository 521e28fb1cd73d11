package io.credbridge.ingest.caliper;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.resource.InputStreamSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The official Caliper JSON schemas of one version (draft-04, one file per type, shipped verbatim under {@code
 * caliper/schema/}) with the errata CredBridge applies to them ({@code caliper/schema/errata.json}). The schemas name
 * each other by bare type name ({@code "$ref": "Person"}); they are resolved from the classpath, never the network.
 */
final class CaliperSchemas {

    static final String ERRATA = "caliper/schema/errata.json";
    private static final TypeReference<List<String>> LIST_OF_STRINGS = new TypeReference<>() {};
    private static final Pattern TYPE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,63}");

    private final ObjectMapper json = new ObjectMapper();
    private final CaliperVersion version;
    private final JsonNode errata;
    private final String base;
    private final Map<String, Optional<JsonNode>> documents = new ConcurrentHashMap<>();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(true)
            // The schemas refer to one another in circles (an Entity's isPartOf may be any Entity): loading every
            // reference ahead would build the graph over and over; load each when a payload first needs it.
            .preloadJsonSchema(false)
            .cacheRefs(false)
            .build();

    CaliperSchemas(CaliperVersion version) {
        this.version = version;
        this.errata = read(ERRATA).orElseThrow(() -> missing(ERRATA)).path(version.key());
        this.base = "https://schemas.credbridge.invalid/caliper/" + version.key() + "/";
        this.factory = JsonSchemaFactory.getInstance(
                SpecVersion.VersionFlag.V4,
                builder -> builder.schemaLoaders(loaders -> loaders.add(iri -> {
                    String location = iri.toString();
                    return location.startsWith(base) ? source(location.substring(base.length())) : null;
                })));
    }

    CaliperVersion version() {
        return version;
    }

    /** True for the event and entity types of this version: those with a schema whose {@code type} is the name. */
    boolean knows(String type) {
        return document(type)
                .map(schema -> ("^" + type + "$")
                        .equals(schema.path("properties")
                                .path("type")
                                .path("pattern")
                                .asText()))
                .orElse(false);
    }

    /** The schema document of a type or of CaliperTypeDefinitions, errata applied. */
    Optional<JsonNode> document(String name) {
        if (name == null || !TYPE_NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return documents.computeIfAbsent(name, this::load);
    }

    /** The validator of one type; call {@link #knows} first. */
    JsonSchema of(String type) {
        return schemas.computeIfAbsent(type, name -> factory.getSchema(SchemaLocation.of(base + name), config));
    }

    /** The entity types the errata allow in a property of a type, when they restrict it further than the schema. */
    List<String> restrictedTypes(String type, String property) {
        JsonNode allowed = errata.path("entityTypes").path("byType").path(type).path(property);
        return allowed.isArray() ? json.convertValue(allowed, LIST_OF_STRINGS) : List.of();
    }

    private InputStreamSource source(String name) {
        JsonNode document = document(name).orElseThrow(() -> missing(version.folder() + name + ".json"));
        byte[] bytes = document.toString().getBytes(StandardCharsets.UTF_8);
        return () -> new ByteArrayInputStream(bytes);
    }

    private Optional<JsonNode> load(String name) {
        return read(version.folder() + name + ".json").map(document -> {
            patch(name, (ObjectNode) document);
            return document;
        });
    }

    private void patch(String name, ObjectNode document) {
        JsonNode alsoAllow = errata.path("alternativesNamingAgentAlsoAllow").path("types");
        if (alsoAllow.isArray()) {
            widenAnyEntityLists(document, alsoAllow);
        }
        for (JsonNode patch : errata.path("schemaPatches")) {
            if (!name.equals(patch.path("schema").asText())) {
                continue;
            }
            String pointer = patch.path("pointer").asText();
            int cut = pointer.lastIndexOf('/');
            JsonNode parent = document.at(pointer.substring(0, cut));
            String field = pointer.substring(cut + 1);
            if (patch.has("set") && parent.isObject()) {
                ((ObjectNode) parent).set(field, patch.get("set").deepCopy());
            } else if (patch.has("append") && parent.path(field).isArray()) {
                ((ArrayNode) parent.get(field)).add(patch.get("append").deepCopy());
            } else {
                throw new IllegalStateException(ERRATA + " patches " + pointer + " of " + name
                        + ", which the schema does not have: the erratum no longer fits the shipped schema");
            }
        }
    }

    /** Where a list of alternatives names Agent, it is the "any entity" list; add the types the schemas forgot. */
    private static void widenAnyEntityLists(JsonNode node, JsonNode types) {
        for (String keyword : List.of("anyOf", "oneOf")) {
            JsonNode alternatives = node.path(keyword);
            if (alternatives.isArray() && names(alternatives, "Agent")) {
                types.forEach(type -> {
                    if (!names(alternatives, type.asText())) {
                        ((ArrayNode) alternatives).addObject().put("$ref", type.asText());
                    }
                });
            }
        }
        node.forEach(child -> widenAnyEntityLists(child, types));
    }

    private static boolean names(JsonNode alternatives, String type) {
        for (JsonNode alternative : alternatives) {
            if (type.equals(alternative.path("$ref").asText())) {
                return true;
            }
        }
        return false;
    }

    private Optional<JsonNode> read(String resource) {
        try (InputStream in = CaliperSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(json.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static IllegalStateException missing(String resource) {
        return new IllegalStateException(resource + " is missing from the classpath");
    }
}
