package io.credbridge.badge;

/** A key, issuer or JSON-LD context that CredBridge cannot sign with; it stops startup. */
public class InvalidSigningConfigurationException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public InvalidSigningConfigurationException(String message) {
        super(message);
    }

    public InvalidSigningConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
