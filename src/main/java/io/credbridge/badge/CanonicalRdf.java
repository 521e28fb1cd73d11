package io.credbridge.badge;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A JSON-LD document as RDFC-1.0 canonical N-Quads, the form eddsa-rdfc-2022 hashes. Expansion runs in safe mode:
 * a term no context defines fails instead of being dropped, since a dropped term would be unsigned. Titanium's
 * undefined-terms policy covers properties only; a type or id that expands to a relative IRI (a type no context
 * defines) would be dropped from the RDF just as silently, so expansion also fails on those.
 */
public final class CanonicalRdf {

    private static final Pattern ABSOLUTE_IRI = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    private final DocumentLoader contexts;

    public CanonicalRdf(DocumentLoader contexts) {
        this.contexts = contexts;
    }

    public String nquads(JsonObject document) {
        RdfCanon canon = RdfCanon.create("SHA-256");
        try {
            JsonLd.toRdf(JsonDocument.of(expand(document))).options(safeMode()).provide(canon);
            StringWriter out = new StringWriter();
            canon.provide(new NQuadsWriter(out));
            return out.toString();
        } catch (JsonLdError e) {
            throw new IllegalArgumentException("not well-formed JSON-LD: " + e.getMessage(), e);
        } catch (RdfConsumerException e) {
            throw new IllegalStateException("RDF canonicalization failed: " + e.getMessage(), e);
        }
    }

    public JsonArray expand(JsonObject document) {
        try {
            JsonArray expanded =
                    JsonLd.expand(JsonDocument.of(document)).options(safeMode()).get();
            List<String> dropped = new ArrayList<>();
            collectRelativeIris(expanded, dropped);
            if (!dropped.isEmpty()) {
                throw new IllegalArgumentException("not well-formed JSON-LD: " + String.join(", ", dropped)
                        + " would be dropped from the signed RDF; define it in a listed context");
            }
            return expanded;
        } catch (JsonLdError e) {
            throw new IllegalArgumentException("not well-formed JSON-LD: " + e.getMessage(), e);
        }
    }

    private static void collectRelativeIris(JsonValue value, List<String> dropped) {
        if (value instanceof JsonArray) {
            for (JsonValue item : (JsonArray) value) {
                collectRelativeIris(item, dropped);
            }
        } else if (value instanceof JsonObject) {
            JsonObject object = (JsonObject) value;
            if (object.containsKey("@value")) {
                check("datatype", object.get("@type"), dropped);
                return;
            }
            check("type", object.get("@type"), dropped);
            check("id", object.get("@id"), dropped);
            for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
                if (!entry.getKey().startsWith("@")) {
                    collectRelativeIris(entry.getValue(), dropped);
                } else if (entry.getKey().equals("@graph")
                        || entry.getKey().equals("@list")
                        || entry.getKey().equals("@set")
                        || entry.getKey().equals("@included")) {
                    collectRelativeIris(entry.getValue(), dropped);
                }
            }
        }
    }

    private static void check(String what, JsonValue iris, List<String> dropped) {
        if (iris == null) {
            return;
        }
        List<JsonValue> values = iris instanceof JsonArray ? (JsonArray) iris : List.of(iris);
        for (JsonValue iri : values) {
            if (iri instanceof JsonString) {
                String text = ((JsonString) iri).getString();
                if (!text.startsWith("_:") && !ABSOLUTE_IRI.matcher(text).find()) {
                    dropped.add(what + " '" + text + "'");
                }
            }
        }
    }

    private JsonLdOptions safeMode() {
        JsonLdOptions options = new JsonLdOptions(contexts);
        options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
        return options;
    }
}
