package io.credbridge.badge;

import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwts;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.Map;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * A verifier written apart from CredBridge's signing code: Ed25519 by BouncyCastle (CredBridge signs through the
 * JCA and Tink), JWS by jjwt (CredBridge signs with nimbus), base58 by a decoder of its own. It looks the key up
 * by the verification method id, as a verifier does in the issuer's did:web document. RDFC-1.0 canonical forms come
 * from titanium (the only such library on our mirror); the W3C test vector checks that path independently.
 */
public final class CredentialVerifier {

    private final Map<String, byte[]> publicKeysByVerificationMethod;
    private final CanonicalRdf canonical = new CanonicalRdf(JsonLdContexts.shipped(TestIssuers.PUBLIC_URL));

    public CredentialVerifier(Map<String, byte[]> publicKeysByVerificationMethod) {
        this.publicKeysByVerificationMethod = publicKeysByVerificationMethod;
    }

    public boolean verifiesDataIntegrity(String securedJson) throws Exception {
        JsonObject secured = Json.createReader(new StringReader(securedJson)).readObject();
        // CredBridge writes the proof as a one-element array (OB 3.0's schema); a single object is equally valid.
        JsonObject proof = secured.get("proof") instanceof jakarta.json.JsonArray
                ? secured.getJsonArray("proof").getJsonObject(0)
                : secured.getJsonObject("proof");
        if (!"eddsa-rdfc-2022".equals(proof.getString("cryptosuite"))
                || !"DataIntegrityProof".equals(proof.getString("type"))) {
            return false;
        }
        byte[] publicKey = publicKeysByVerificationMethod.get(proof.getString("verificationMethod"));
        if (publicKey == null) {
            return false;
        }
        JsonObject document = Json.createObjectBuilder(secured).remove("proof").build();
        JsonObjectBuilder config = Json.createObjectBuilder(proof).remove("proofValue");
        config.add("@context", secured.get("@context"));
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        byte[] configHash = sha256.digest(canonical.nquads(config.build()).getBytes(StandardCharsets.UTF_8));
        byte[] documentHash = sha256.digest(canonical.nquads(document).getBytes(StandardCharsets.UTF_8));
        byte[] signature = base58(proof.getString("proofValue"));

        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
        verifier.update(configHash, 0, configHash.length);
        verifier.update(documentHash, 0, documentHash.length);
        return verifier.verifySignature(signature);
    }

    /** The credential a JWS carries, or an exception when its signature, type or key does not check out. */
    String verifiedJwsPayload(String compact) throws Exception {
        String kid = Json.createReader(new StringReader(new String(
                        java.util.Base64.getUrlDecoder().decode(compact.substring(0, compact.indexOf('.'))),
                        StandardCharsets.UTF_8)))
                .readObject()
                .getString("kid");
        byte[] publicKey = publicKeysByVerificationMethod.get(kid);
        if (publicKey == null) {
            throw new SecurityException("unknown key " + kid);
        }
        Jws<byte[]> jws = Jwts.parser().verifyWith(jcaKey(publicKey)).build().parseSignedContent(compact);
        if (!"vc+jwt".equals(jws.getHeader().getType())) {
            throw new SecurityException("typ is " + jws.getHeader().getType());
        }
        return new String(jws.getPayload(), StandardCharsets.UTF_8);
    }

    private static PublicKey jcaKey(byte[] raw) throws Exception {
        byte[] x509 = HexFormat.of()
                .parseHex("302a300506032b6570032100" + HexFormat.of().formatHex(raw));
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
    }

    /**
     * Decodes multibase base58-btc ({@code z...}) as a verifier would, written apart from CredBridge's
     * {@code Multibase}: each leading '1' is a zero byte, the rest a big-endian number.
     */
    static byte[] base58(String multibase) {
        String alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        String digits = multibase.substring(1);
        java.math.BigInteger value = java.math.BigInteger.ZERO;
        for (char c : digits.toCharArray()) {
            value = value.multiply(java.math.BigInteger.valueOf(58))
                    .add(java.math.BigInteger.valueOf(alphabet.indexOf(c)));
        }
        byte[] number = value.toByteArray();
        int sign = number.length > 1 && number[0] == 0 ? 1 : 0;
        int zeros = 0;
        while (zeros < digits.length() && digits.charAt(zeros) == '1') {
            zeros++;
        }
        byte[] decoded = new byte[zeros + number.length - sign];
        System.arraycopy(number, sign, decoded, zeros, number.length - sign);
        return value.signum() == 0 ? new byte[zeros] : decoded;
    }
}
