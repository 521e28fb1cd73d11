package io.credbridge.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.credbridge.avro.LearnerIdentifier;
import java.util.List;
import org.junit.jupiter.api.Test;

class LearnerIdentityResolverTest {

    private final LearnerIdentityResolver resolver =
            new LearnerIdentityResolver(new IdentityProperties(List.of("account", "mbox")));

    @Test
    void picksTheMostPreferredAcceptedSchemeWhateverTheSourceOrder() {
        assertThat(resolver.resolve(List.of(id("mbox", "alice@example.edu"), id("account", "alice"))))
                .hasValue("alice");
    }

    @Test
    void fallsBackToTheNextAcceptedSchemeAndSkipsBlankValues() {
        assertThat(resolver.resolve(List.of(id("account", " "), id("mbox", "alice@example.edu"))))
                .hasValue("alice@example.edu");
    }

    @Test
    void findsNothingWhenNoSchemeIsAcceptedAndSaysWhichWereGivenAndWhichAreAccepted() {
        List<LearnerIdentifier> hashed = List.of(id("mbox_sha1sum", "cd9b00a5611f94eaa7b1661edab976068e364975"));

        assertThat(resolver.resolve(hashed)).isEmpty();
        assertThat(resolver.whyUnresolved(hashed))
                .contains("[mbox_sha1sum]")
                .contains("credbridge.identity.accepted-schemes is [account, mbox]");
    }

    @Test
    void explainsThatAnEventWithoutIdentifiersNamesNoIndividualLearner() {
        assertThat(resolver.resolve(List.of())).isEmpty();
        assertThat(resolver.whyUnresolved(List.of())).contains("no individual learner");
    }

    private static LearnerIdentifier id(String scheme, String value) {
        return LearnerIdentifier.newBuilder().setScheme(scheme).setValue(value).build();
    }
}
