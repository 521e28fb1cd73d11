package io.credbridge.transcript;

import static io.credbridge.transcript.SampleEntries.issued;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonSubsetTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aRecordHoldingEveryWrittenFieldMatchesWhateverTheSisAddedAndNumbersMatchTheirText() throws Exception {
        JsonNode written = json.readTree("{\"id\":\"g-1\",\"score\":{\"value\":1},\"tags\":[\"a\",\"b\"]}");
        JsonNode held = json.readTree(
                "{\"id\":\"g-1\",\"score\":{\"value\":\"1\",\"type\":\"numeric\"},\"tags\":[\"a\",\"b\"],\"meta\":{}}");

        assertThat(JsonSubset.differences(written, held)).isEmpty();
    }

    @Test
    void eachFieldHeldOtherwiseOrMissingIsNamedByItsPointer() throws Exception {
        JsonNode written = json.readTree("{\"status\":\"inactive\",\"student\":{\"id\":\"p-1\"},\"tags\":[\"a\"]}");
        JsonNode held = json.readTree("{\"status\":\"active\",\"student\":{},\"tags\":[\"a\",\"b\"]}");

        assertThat(JsonSubset.differences(written, held))
                .containsExactly(
                        "/status: \"active\", CredBridge wrote \"inactive\"",
                        "/student/id: missing, CredBridge wrote \"p-1\"",
                        "/tags: [\"a\",\"b\"], CredBridge wrote [\"a\"]");
    }

    @Test
    void aTemplatesLastingJsonLeavesOutWhatDependsOnTheDayOfTheWriteOrTheSource() throws Exception {
        EntryTemplate template = EntryTemplate.json(
                "ended",
                "{\"evenCode\":\"{{values.code}}\",\"effectiveDate\":\"{{today}}\",\"note\":\"{{credentialName}} from"
                        + " {{source}}\",\"award\":{\"id\":\"{{awardId}}\",\"on\":\"{{today}}\"}}");
        Clock clock = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);

        JsonNode lasting = template.lastingJson(EntryTemplate.model(issued("award-1"), Map.of("code", "MCRX"), clock));

        assertThat(lasting).isEqualTo(json.readTree("{\"evenCode\":\"MCRX\",\"award\":{\"id\":\"award-1\"}}"));
    }
}
