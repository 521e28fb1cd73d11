package io.credbridge.ingest.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.credbridge.testsupport.SupportedTable;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The README's "Acted-on verbs" row names exactly the ADL verbs statements are turned into events for. */
class SupportedVerbsTest {

    @Test
    void theTableNamesEveryVerbActedOnAndNoOther() throws Exception {
        assertThat(SupportedTable.namesIn("Acted-on verbs"))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(AdlVerb.values())
                        .map(verb -> verb.name().toLowerCase(Locale.ROOT))
                        .toList());
    }

    @Test
    void aVerbTheTableDoesNotNameIsNotActedOn() {
        assertThat(AdlVerb.of("http://adlnet.gov/expapi/verbs/experienced")).isEmpty();
        assertThat(AdlVerb.of("http://adlnet.gov/expapi/verbs/passed")).hasValue(AdlVerb.PASSED);
    }
}
