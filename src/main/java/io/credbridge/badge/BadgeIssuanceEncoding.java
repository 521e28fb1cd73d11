package io.credbridge.badge;

import io.credbridge.avro.BadgeIssuance;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Writes a BadgeIssuance as a Kafka record value, in the serialization mode the installation chose. */
@FunctionalInterface
interface BadgeIssuanceEncoding {

    byte[] encode(BadgeIssuance issuance);

    /** Registry-free: Avro single-object encoding ({@code C3 01}, the schema's fingerprint, the datum). */
    static BadgeIssuanceEncoding singleObject() {
        return issuance -> {
            try {
                return BadgeIssuance.getEncoder().encode(issuance).array();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
