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
import java.io.StringWriter;

/**
 * A JSON-LD document as RDFC-1.0 canonical N-Quads, the form eddsa-rdfc-2022 hashes. Expansion runs in safe mode:
 * a term no context defines fails instead of being dropped, since a dropped term would be unsigned.
 */
public final class CanonicalRdf {

    private final DocumentLoader contexts;

    public CanonicalRdf(DocumentLoader contexts) {
        this.contexts = contexts;
    }

    public String nquads(JsonObject document) {
        RdfCanon canon = RdfCanon.create("SHA-256");
        try {
            JsonLd.toRdf(JsonDocument.of(document)).options(safeMode()).provide(canon);
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
            return JsonLd.expand(JsonDocument.of(document)).options(safeMode()).get();
        } catch (JsonLdError e) {
            throw new IllegalArgumentException("not well-formed JSON-LD: " + e.getMessage(), e);
        }
    }

    private JsonLdOptions safeMode() {
        JsonLdOptions options = new JsonLdOptions(contexts);
        options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
        return options;
    }
}
