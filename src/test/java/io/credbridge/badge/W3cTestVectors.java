package io.credbridge.badge;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/** The eddsa-rdfc-2022 test vectors of the W3C vc-di-eddsa specification, shipped as test resources. */
final class W3cTestVectors {

    private W3cTestVectors() {}

    static JsonObject signed() {
        return json(text("signedDataInt.json"));
    }

    static JsonObject unsigned() {
        return Json.createObjectBuilder(signed()).remove("proof").build();
    }

    static SigningKey key() {
        JsonObject pair = json(text("keyPair.json"));
        byte[] prefixed = Multibase.decodeBase58btc(pair.getString("privateKeyMultibase"));
        // 0x8026 is the multicodec varint of an Ed25519 private key; the 32-byte seed follows.
        return SigningKey.fromSeed("vector", Arrays.copyOfRange(prefixed, 2, prefixed.length));
    }

    static String publicKeyMultibase() {
        return json(text("keyPair.json")).getString("publicKeyMultibase");
    }

    /** The contexts the vectors use that CredBridge does not ship (the W3C examples context). */
    static JsonLdContexts contexts() {
        try {
            return JsonLdContexts.shippedAnd(
                    TestIssuers.PUBLIC_URL,
                    Path.of(W3cTestVectors.class
                            .getClassLoader()
                            .getResource("vc-di-eddsa/contexts")
                            .toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(String name) {
        try (InputStream in = W3cTestVectors.class.getClassLoader().getResourceAsStream("vc-di-eddsa/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
