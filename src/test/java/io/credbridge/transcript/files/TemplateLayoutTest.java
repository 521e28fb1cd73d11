package io.credbridge.transcript.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.credbridge.transcript.EntryTemplate;
import io.credbridge.transcript.SampleEntries;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateLayoutTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-30T09:00:00Z"), ZoneOffset.UTC);

    @Test
    void theWholeFileIsOneTemplateWithASectionOverTheEntriesAndTheBatchsOwnValues() {
        EntryTemplate template = EntryTemplate.file(
                "milestones.txt",
                "H|{{batchId}}|{{count}}\n{{#entries}}D|{{sisPersonId}}|{{values.milestone}}|{{awardedOn}}|"
                        + "{{credentialName}}\n{{/entries}}T|{{createdAt}}\n");

        String file = render(template, "txt");

        assertThat(file)
                .isEqualTo("H|b-1|1\nD|S0001|MC-BADGE|2026-11-21|Data \"Analysis\" Fundamentals\n"
                        + "T|2026-11-30T09:00:00Z\n");
    }

    @Test
    void valuesAreEscapedForTheKindOfFileTheTemplatesExtensionNames() {
        String csv = render(
                EntryTemplate.file("rows.csv", "{{#entries}}{{awardId}},{{credentialName}}\n{{/entries}}"), "csv");
        String xml = render(EntryTemplate.file("rows.xml", "{{#entries}}<t>{{credentialName}}</t>{{/entries}}"), "xml");

        assertThat(csv).isEqualTo("award-1,\"Data \"\"Analysis\"\" Fundamentals\"\n");
        assertThat(xml).isEqualTo("<t>Data &quot;Analysis&quot; Fundamentals</t>");
    }

    private String render(EntryTemplate template, String extension) {
        TemplateLayout layout = new TemplateLayout(template, extension, Map.of("milestone", "MC-BADGE"), clock);
        assertThat(layout.extension()).isEqualTo(extension);
        return new String(layout.render("b-1", List.of(SampleEntries.issued("award-1"))), StandardCharsets.UTF_8);
    }
}
