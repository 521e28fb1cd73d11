package io.credbridge.badge;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import io.credbridge.badge.BadgeProperties.IssuerProperties;
import io.credbridge.badge.BadgeProperties.KeyProperties;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The configured issuers with their keys, looked up by the catalog issuer id an award names. */
public final class Issuers {

    private static final Logger log = LoggerFactory.getLogger(Issuers.class);
    static final String DEVELOPMENT_KEY_ID = "dev-key-1";

    private final Map<String, Issuer> byCatalogId;

    Issuers(List<Issuer> issuers) {
        Map<String, Issuer> map = new LinkedHashMap<>();
        for (Issuer issuer : issuers) {
            map.put(issuer.catalogId(), issuer);
        }
        this.byCatalogId = map;
    }

    static Issuers load(BadgeProperties properties, UnaryOperator<String> environment) {
        KeySources keys = new KeySources(environment);
        String host = URI.create(properties.publicUrl()).getRawAuthority();
        List<Issuer> issuers = new ArrayList<>();
        for (int i = 0; i < properties.issuers().size(); i++) {
            IssuerProperties issuer = properties.issuers().get(i);
            String property = "credbridge.badge.issuers[" + i + "]";
            SigningKey signingKey = signingKey(issuer, property, keys, properties.developmentKeys());
            List<VerificationKey> previous = new ArrayList<>();
            for (int k = 0; k < issuer.previousKeys().size(); k++) {
                previous.add(keys.previousKey(issuer.previousKeys().get(k), property + ".previous-keys[" + k + "]"));
            }
            if (previous.stream().anyMatch(key -> key.keyId().equals(signingKey.keyId()))) {
                throw new InvalidSigningConfigurationException(property + ": a previous key has the current key's id "
                        + signingKey.keyId() + "; a rotated key needs a new id so verifiers can tell them apart");
            }
            issuers.add(new Issuer(
                    issuer.id(),
                    issuer.slug(),
                    didWeb(host, issuer.slug()),
                    issuer.name(),
                    issuer.url(),
                    issuer.email(),
                    issuer.image(),
                    signingKey,
                    previous));
        }
        return new Issuers(issuers);
    }

    /** did:web encodes a port's colon as %3A, and each path segment after a colon. */
    static String didWeb(String host, String slug) {
        return "did:web:" + host.replace(":", "%3A") + ":issuers:" + slug;
    }

    public Issuer forCatalogIssuer(String catalogIssuerId) {
        Issuer issuer = byCatalogId.get(catalogIssuerId);
        if (issuer == null) {
            throw new InvalidSigningConfigurationException("no signing issuer is configured for catalog issuer "
                    + catalogIssuerId + ": add it to credbridge.badge.issuers with its key");
        }
        return issuer;
    }

    public List<Issuer> all() {
        return List.copyOf(byCatalogId.values());
    }

    private static SigningKey signingKey(
            IssuerProperties issuer, String property, KeySources keys, BadgeProperties.DevelopmentKeys development) {
        KeyProperties key = issuer.key();
        if (key != null) {
            return keys.signingKey(key, property + ".key");
        }
        if (!development.enabled()) {
            throw new InvalidSigningConfigurationException(property + ".key is missing: give the issuer "
                    + issuer.slug() + " an Ed25519 key (key.id and one of key.jwk-file, key.pkcs8-file, key.env)");
        }
        return developmentKey(development.directory().resolve(issuer.slug() + ".jwk"), issuer.slug());
    }

    /** Generated once and kept, so credentials from earlier runs of the embedded default still verify. */
    private static SigningKey developmentKey(Path file, String slug) {
        try {
            if (Files.exists(file)) {
                return KeySources.fromJwk(DEVELOPMENT_KEY_ID, Files.readString(file), file.toString());
            }
            OctetKeyPair jwk = new OctetKeyPairGenerator(Curve.Ed25519)
                    .keyID(DEVELOPMENT_KEY_ID)
                    .generate();
            Files.createDirectories(file.getParent());
            Files.writeString(file, jwk.toJSONString());
            restrictToOwner(file);
            log.warn(
                    "Generated a development signing key for issuer {} in {}: fine for the embedded default, never for"
                            + " production (configure credbridge.badge.issuers[].key and turn development keys off)",
                    slug,
                    file.toAbsolutePath());
            return KeySources.fromJwk(DEVELOPMENT_KEY_ID, jwk.toJSONString(), file.toString());
        } catch (IOException | JOSEException e) {
            throw new InvalidSigningConfigurationException(
                    "cannot keep a development key in " + file + ": " + e.getMessage(), e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the directory's own permissions have to do.
        }
    }
}
