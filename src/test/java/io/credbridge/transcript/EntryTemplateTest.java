package io.credbridge.transcript;

import static io.credbridge.transcript.SampleEntries.issued;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

class EntryTemplateTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);
    private final TemplateFiles files = new TemplateFiles(new DefaultResourceLoader());

    @Test
    void theShippedBannerTemplateFillsAnAcademicEventFromTheAwardAndTheMappingValues() throws Exception {
        EntryTemplate template =
                files.json("issued", "classpath:transcript-templates/banner-academic-event-issued.json");

        JsonNode event = new ObjectMapper()
                .readTree(template.render(EntryTemplate.model(
                        issued("award-1"),
                        Map.of("eventCode", "MCRD", "termCode", "202610", "levelCode", "UG"),
                        clock)));

        assertThat(event.path("id").asText()).isEqualTo("S0001");
        assertThat(event.path("evenCode").asText()).isEqualTo("MCRD");
        assertThat(event.path("keyblckTermCode").asText()).isEqualTo("202610");
        assertThat(event.path("effectiveDate").asText()).isEqualTo("2026-11-21");
        assertThat(event.path("descNondb").asText()).isEqualTo("Data \"Analysis\" Fundamentals (badge, award award-1)");
    }

    @Test
    void aValueTheMappingDoesNotSetStopsTheWriteNamingTheTemplate() {
        EntryTemplate template =
                files.json("issued", "classpath:transcript-templates/banner-academic-event-issued.json");

        assertThatThrownBy(() -> template.render(EntryTemplate.model(issued("award-1"), Map.of(), clock)))
                .hasMessageContaining("banner-academic-event-issued.json cannot be filled")
                .hasMessageContaining("values.termCode");
    }

    @Test
    void urlValuesArePercentEncodedAndTheEndingTemplateDatesTheEntryToday() {
        EntryTemplate url = EntryTemplate.url("url", "https://sis.example.edu/awards/{{credentialName}}?on={{today}}");

        assertThat(url.render(EntryTemplate.model(issued("award-1"), Map.of(), clock)))
                .isEqualTo("https://sis.example.edu/awards/Data%20%22Analysis%22%20Fundamentals?on=2026-12-01");
    }

    @Test
    void aTemplateFileThatDoesNotExistIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> files.json("credbridge.transcript.rest.issued.body", "classpath:nope.json"))
                .hasMessageContaining("credbridge.transcript.rest.issued.body names classpath:nope.json");
    }

    @Test
    void aTemplateNamedByAPlainPathIsReadFromThatFile(@TempDir Path folder) throws IOException {
        Path body = Files.writeString(folder.resolve("award.json"), "{\"award\":\"{{awardId}}\"}");

        assertThat(files.json(
                                "credbridge.transcript.rest.issued.body",
                                body.toAbsolutePath().toString())
                        .render(EntryTemplate.model(issued("award-1"), Map.of(), clock)))
                .isEqualTo("{\"award\":\"award-1\"}");
    }
}
