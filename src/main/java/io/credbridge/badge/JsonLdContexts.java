package io.credbridge.badge;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.http.media.MediaType;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The only JSON-LD document loader CredBridge uses: it answers from an allow-list of context documents, each pinned
 * by SHA-256, and never goes to the network. The shipped contexts (classpath {@code jsonld/contexts/pins.tsv}) are
 * always there; a deployment may add its own from a directory with a {@code pins.tsv} of the same form. A file
 * that does not match its pin stops startup, because a context that changed would change what a signature means.
 * A pin whose URL is a path ({@code /contexts/...}) is a context of CredBridge's own: it answers for the public URL
 * plus that path, and CredBridge serves it there, so verifiers that fetch contexts find it where the issuers' did:web
 * documents are.
 */
public final class JsonLdContexts implements DocumentLoader {

    static final String SHIPPED = "jsonld/contexts/";

    private final String publicUrl;
    private final Map<String, Document> documents = new LinkedHashMap<>();
    private final Map<String, byte[]> servedByPath = new LinkedHashMap<>();

    private JsonLdContexts(String publicUrl) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The shipped contexts, CredBridge's own answering under {@code publicUrl} (credbridge.badge.public-url). */
    public static JsonLdContexts shipped(String publicUrl) {
        JsonLdContexts contexts = new JsonLdContexts(publicUrl);
        for (ContextPin pin : ContextPin.parse(new String(resource("pins.tsv"), StandardCharsets.UTF_8), SHIPPED)) {
            contexts.add(pin, resource(pin.file()), "classpath:" + SHIPPED + pin.file());
        }
        return contexts;
    }

    /** The shipped contexts plus those pinned in {@code directory/pins.tsv}; null adds none. */
    public static JsonLdContexts shippedAnd(String publicUrl, Path directory) {
        JsonLdContexts contexts = shipped(publicUrl);
        if (directory == null) {
            return contexts;
        }
        Path pins = directory.resolve("pins.tsv");
        if (!Files.isRegularFile(pins)) {
            throw new InvalidSigningConfigurationException("credbridge.badge.contexts-directory " + directory
                    + " has no pins.tsv: list each context there as '<url> TAB <file> TAB <sha-256 hex>'");
        }
        for (ContextPin pin : ContextPin.parse(read(pins), pins.toString())) {
            Path file = directory.resolve(pin.file());
            contexts.add(pin, readBytes(file), file.toString());
        }
        return contexts;
    }

    public Set<String> urls() {
        return Collections.unmodifiableSet(documents.keySet());
    }

    /** The URL a context of CredBridge's own answers for: the public URL plus its {@code path}. */
    public String ownUrl(String path) {
        return publicUrl + path;
    }

    /** The bytes of the own context served at {@code path}, exactly as pinned; empty for any other path. */
    public Optional<byte[]> served(String path) {
        return Optional.ofNullable(servedByPath.get(path)).map(byte[]::clone);
    }

    private void add(ContextPin pin, byte[] content, String where) {
        boolean own = pin.url().startsWith("/");
        String url = own ? ownUrl(pin.url()) : pin.url();
        documents.put(url, document(pin, url, content, where));
        if (own) {
            servedByPath.put(pin.url(), content);
        }
    }

    @Override
    public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
        Document document = documents.get(url.toString());
        if (document == null) {
            throw new JsonLdError(
                    JsonLdErrorCode.LOADING_DOCUMENT_FAILED,
                    "JSON-LD context " + url + " is not on CredBridge's pinned allow-list (nothing is fetched at run"
                            + " time); add it to credbridge.badge.contexts-directory with its SHA-256 in pins.tsv");
        }
        return document;
    }

    private static Document document(ContextPin pin, String url, byte[] content, String where) {
        String actual = sha256(content);
        if (!actual.equals(pin.sha256())) {
            throw new InvalidSigningConfigurationException("JSON-LD context " + where + " for " + url
                    + " does not match its pin: expected SHA-256 " + pin.sha256() + ", found " + actual
                    + ". Restore the pinned file, or pin the new one deliberately.");
        }
        try (InputStream in = new ByteArrayInputStream(content)) {
            JsonDocument document = JsonDocument.of(MediaType.JSON_LD, in);
            document.setDocumentUrl(URI.create(url));
            return document;
        } catch (JsonLdError | IOException e) {
            throw new InvalidSigningConfigurationException(
                    "JSON-LD context " + where + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = JsonLdContexts.class.getClassLoader().getResourceAsStream(SHIPPED + name)) {
            if (in == null) {
                throw new InvalidSigningConfigurationException(
                        "shipped JSON-LD context classpath:" + SHIPPED + name + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidSigningConfigurationException(
                    "cannot read pinned JSON-LD context " + file + ": " + e.getMessage(), e);
        }
    }

    private static String read(Path file) {
        return new String(readBytes(file), StandardCharsets.UTF_8);
    }
}
