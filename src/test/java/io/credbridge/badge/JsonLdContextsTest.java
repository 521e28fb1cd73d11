package io.credbridge.badge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import jakarta.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class JsonLdContextsTest {

    static final Path CORPUS = Path.of("..", "shared", "corpus", "jsonld-contexts");

    @TempDir
    Path dir;

    @Test
    void theShippedContextsAreByteForByteTheCorpusCopiesOfTheirUrls() throws IOException {
        assumeThat(Files.isDirectory(CORPUS))
                .as("../shared/corpus/jsonld-contexts is not beside the project; skipping the comparison")
                .isTrue();
        Map<String, String> corpusFileByUrl = Map.of(
                "https://www.w3.org/ns/credentials/v2", "credentials-v2.jsonld",
                "https://www.w3.org/2018/credentials/v1", "credentials-v1.jsonld",
                "https://w3id.org/security/data-integrity/v2", "data-integrity-v2.jsonld",
                "https://w3id.org/security/multikey/v1", "multikey-v1.jsonld",
                "https://w3id.org/security/jwk/v1", "jwk-v1.jsonld",
                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", "ob-v3p0-context-3.0.3.json");

        for (ContextPin pin : ContextPin.parse(shipped("pins.tsv"), "pins.tsv")) {
            if (pin.url().startsWith("/")) {
                continue; // CredBridge's own context: no copy of it is published elsewhere
            }
            assertThat(corpusFileByUrl).containsKey(pin.url());
            assertThat(JsonLdContexts.sha256(Files.readAllBytes(CORPUS.resolve(corpusFileByUrl.get(pin.url())))))
                    .as(pin.url())
                    .isEqualTo(pin.sha256());
        }
        assertThat(JsonLdContexts.shipped(TestIssuers.PUBLIC_URL).urls())
                .containsExactlyInAnyOrderElementsOf(java.util.stream.Stream.concat(
                                corpusFileByUrl.keySet().stream(),
                                java.util.stream.Stream.of(CredentialContentTest.EXTENSION))
                        .toList());
    }

    @Test
    void aContextOffTheAllowListIsRefusedNotFetched() {
        assertThatThrownBy(() -> JsonLdContexts.shipped(TestIssuers.PUBLIC_URL)
                        .loadDocument(URI.create("https://example.org/contexts/v1"), new DocumentLoaderOptions()))
                .isInstanceOf(JsonLdError.class)
                .hasMessageContaining("https://example.org/contexts/v1")
                .hasMessageContaining("allow-list")
                .hasMessageContaining("credbridge.badge.contexts-directory");
    }

    @Test
    void aDocumentNamingAnUnlistedContextCannotBeCanonicalized() {
        CanonicalRdf canonical = new CanonicalRdf(JsonLdContexts.shipped(TestIssuers.PUBLIC_URL));

        assertThatThrownBy(() -> canonical.nquads(Json.createObjectBuilder()
                        .add("@context", "https://example.org/contexts/v1")
                        .add("name", "x")
                        .build()))
                .hasMessageContaining("https://example.org/contexts/v1");
    }

    @Test
    void aConfiguredDirectoryAddsThePinnedContextsItLists() throws IOException {
        Files.writeString(
                dir.resolve("extra.jsonld"), "{\"@context\": {\"shoeSize\": \"https://example.org/vocab#shoeSize\"}}");
        pin(
                "https://example.org/extra/v1",
                "extra.jsonld",
                JsonLdContexts.sha256(Files.readAllBytes(dir.resolve("extra.jsonld"))));

        JsonLdContexts contexts = JsonLdContexts.shippedAnd(TestIssuers.PUBLIC_URL, dir);

        assertThat(contexts.urls()).contains("https://example.org/extra/v1", "https://www.w3.org/ns/credentials/v2");
        assertThat(new CanonicalRdf(contexts)
                        .nquads(Json.createObjectBuilder()
                                .add("@context", "https://example.org/extra/v1")
                                .add("@id", "urn:example:1")
                                .add("shoeSize", "44")
                                .build()))
                .isEqualTo("<urn:example:1> <https://example.org/vocab#shoeSize> \"44\" .\n");
    }

    @Test
    void aContextThatDoesNotMatchItsPinStopsStartupSayingWhatToDo() throws IOException {
        Files.writeString(dir.resolve("extra.jsonld"), "{\"@context\": {}}");
        pin("https://example.org/extra/v1", "extra.jsonld", "0".repeat(64));

        assertThatThrownBy(() -> JsonLdContexts.shippedAnd(TestIssuers.PUBLIC_URL, dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("https://example.org/extra/v1")
                .hasMessageContaining("does not match its pin")
                .hasMessageContaining(JsonLdContexts.sha256("{\"@context\": {}}".getBytes()));
    }

    @Test
    void aContextsDirectoryWithoutPinsIsRefused() {
        assertThatThrownBy(() -> JsonLdContexts.shippedAnd(TestIssuers.PUBLIC_URL, dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pins.tsv");
    }

    @Test
    void aMalformedPinLineIsRefusedWithTheExpectedForm() throws IOException {
        Files.writeString(dir.resolve("pins.tsv"), "https://example.org/extra/v1 extra.jsonld\n");

        assertThatThrownBy(() -> JsonLdContexts.shippedAnd(TestIssuers.PUBLIC_URL, dir))
                .hasMessageContaining("<url> TAB <file> TAB <sha-256 hex>");
    }

    @Test
    void credBridgesOwnContextAnswersUnderThePublicUrlOnlyAndIsServedExactlyAsPinned() throws Exception {
        JsonLdContexts contexts = JsonLdContexts.shipped("https://badges.example.org/");
        String own = "https://badges.example.org" + EuMicroCredentialTerms.CONTEXT_PATH;
        byte[] pinnedFile = shipped("credbridge-eu-microcredential-v1.jsonld").getBytes(StandardCharsets.UTF_8);

        assertThat(contexts.urls()).contains(own).doesNotContain(CredentialContentTest.EXTENSION);
        assertThat(contexts.loadDocument(URI.create(own), new DocumentLoaderOptions())
                        .getJsonContent()
                        .orElseThrow()
                        .asJsonObject())
                .containsKey("@context");
        assertThat(contexts.served(EuMicroCredentialTerms.CONTEXT_PATH)).hasValue(pinnedFile);
        assertThat(shipped("pins.tsv"))
                .contains(EuMicroCredentialTerms.CONTEXT_PATH + "\tcredbridge-eu-microcredential-v1.jsonld\t"
                        + JsonLdContexts.sha256(pinnedFile));
        assertThat(contexts.served("/contexts/credentials-v2.jsonld")).isEmpty();
    }

    @Test
    void theServedContextIsJsonLdCacheableAndOtherPathsAreNotFound() throws Exception {
        MockMvc http = MockMvcBuilders.standaloneSetup(
                        new JsonLdContextController(JsonLdContexts.shipped(TestIssuers.PUBLIC_URL)))
                .build();

        MockHttpServletResponse served = http.perform(get(EuMicroCredentialTerms.CONTEXT_PATH))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();

        assertThat(served.getContentType()).startsWith("application/ld+json");
        assertThat(served.getHeader("Cache-Control")).contains("max-age=86400").contains("public");
        assertThat(served.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(JsonLdContexts.sha256(served.getContentAsByteArray()))
                .isEqualTo(JsonLdContexts.sha256(
                        shipped("credbridge-eu-microcredential-v1.jsonld").getBytes(StandardCharsets.UTF_8)));
        http.perform(get("/contexts/pins.tsv")).andExpect(status().isNotFound());
        http.perform(get("/contexts/ob-v3p0-context-3.0.3.json")).andExpect(status().isNotFound());
    }

    private void pin(String url, String file, String sha256) throws IOException {
        Files.writeString(dir.resolve("pins.tsv"), "# extra contexts\n" + url + "\t" + file + "\t" + sha256 + "\n");
    }

    private static String shipped(String name) throws IOException {
        try (InputStream in = JsonLdContexts.class.getClassLoader().getResourceAsStream("jsonld/contexts/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
