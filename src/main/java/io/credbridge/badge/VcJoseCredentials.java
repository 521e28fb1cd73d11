package io.credbridge.badge;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;

/**
 * Secures a credential as VC-JOSE (W3C Securing Verifiable Credentials using JOSE and COSE): a compact JWS whose
 * payload is the credential itself, typed {@code vc+jwt} with content type {@code vc}, signed EdDSA (Ed25519) and
 * naming the issuer's JsonWebKey verification method as {@code kid}. It needs no JSON-LD contexts.
 */
public final class VcJoseCredentials {

    static final JOSEObjectType VC_JWT = new JOSEObjectType("vc+jwt");

    public String sign(String credentialJson, Issuer issuer) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.EdDSA)
                .type(VC_JWT)
                .contentType("vc")
                .keyID(issuer.jwkVerificationMethod())
                .build();
        JWSObject jws = new JWSObject(header, new Payload(credentialJson));
        try {
            jws.sign(issuer.signingKey().jwsSigner());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the credential as a JWS: " + e.getMessage(), e);
        }
        return jws.serialize();
    }
}
