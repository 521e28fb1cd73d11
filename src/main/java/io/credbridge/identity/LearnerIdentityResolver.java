package io.credbridge.identity;

import io.credbridge.avro.LearnerIdentifier;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Picks the identifier awards are keyed by: the first accepted scheme, in the configured order of preference. */
@Component
public class LearnerIdentityResolver {

    private final List<String> acceptedSchemes;

    public LearnerIdentityResolver(IdentityProperties properties) {
        this.acceptedSchemes = List.copyOf(properties.acceptedSchemes());
    }

    public Optional<String> resolve(List<LearnerIdentifier> identifiers) {
        for (String scheme : acceptedSchemes) {
            for (LearnerIdentifier identifier : identifiers) {
                if (scheme.equals(identifier.getScheme())
                        && !identifier.getValue().isBlank()) {
                    return Optional.of(identifier.getValue());
                }
            }
        }
        return Optional.empty();
    }

    /** Why {@link #resolve} found nothing, in words an operator can act on. */
    public String whyUnresolved(List<LearnerIdentifier> identifiers) {
        if (identifiers.isEmpty()) {
            return "the event names no individual learner (e.g. an xAPI Group actor); awards need one learner";
        }
        List<String> given = identifiers.stream()
                .map(LearnerIdentifier::getScheme)
                .distinct()
                .toList();
        return "no learner identifier CredBridge can key awards by: the event carries " + given
                + " but credbridge.identity.accepted-schemes is " + acceptedSchemes;
    }
}
