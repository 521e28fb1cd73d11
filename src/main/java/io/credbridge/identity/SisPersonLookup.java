package io.credbridge.identity;

import io.credbridge.avro.LearnerIdentifier;
import java.util.Optional;

/**
 * The port through which a SIS adapter tells which SIS person a learner identifier stands for. CredBridge asks it
 * only for identifiers the mapping table does not know, and remembers its answers for a while (see {@code
 * credbridge.identity.sis-lookup-cache}), so an implementation may call the SIS directly.
 */
@FunctionalInterface
public interface SisPersonLookup {

    /** The SIS person id, or empty when the SIS knows no such learner. May throw when the SIS cannot be asked. */
    Optional<String> sisPersonIdFor(LearnerIdentifier identifier);
}
