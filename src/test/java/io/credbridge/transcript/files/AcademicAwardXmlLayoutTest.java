package io.credbridge.transcript.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.credbridge.transcript.SampleEntries;
import io.credbridge.transcript.TranscriptEntry;
import io.credbridge.transcript.TranscriptEntry.Action;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class AcademicAwardXmlLayoutTest {

    private final AcademicAwardXmlLayout layout = new AcademicAwardXmlLayout(
            Map.of("badge", "1.5"), Clock.fixed(Instant.parse("2026-11-30T09:00:00Z"), ZoneOffset.UTC));

    @Test
    void aBatchIsOneDocumentWithTransmissionDataAndAnAcademicAwardPerEntry() throws Exception {
        Document xml = parse(layout.render(
                "20261130T090000000Z-abcd1234",
                List.of(SampleEntries.issued("award-1"), SampleEntries.entry("award-2", Action.REVOKED))));

        Element root = xml.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("AcademicAwardBatch");
        assertThat(root.getNamespaceURI()).isEqualTo(AcademicAwardXmlLayout.NAMESPACE);
        assertThat(text(root, "DocumentID")).isEqualTo("20261130T090000000Z-abcd1234");
        assertThat(text(root, "CreatedDateTime")).isEqualTo("2026-11-30T09:00:00Z");
        assertThat(text(root, "RecordCount")).isEqualTo("2");
        NodeList entries = root.getElementsByTagNameNS(AcademicAwardXmlLayout.NAMESPACE, "AcademicAwardEntry");
        assertThat(entries.getLength()).isEqualTo(2);

        Element first = (Element) entries.item(0);
        assertThat(text(first, "EntryKey")).isEqualTo("award-1/ISSUED");
        assertThat(text(first, "AwardID")).isEqualTo("award-1");
        assertThat(text(first, "Action")).isEqualTo("ISSUED");
        assertThat(text(first, "SchoolAssignedPersonID")).isEqualTo("S0001");
        assertThat(text(first, "LearnerID")).isEqualTo("alice");
        assertThat(text(first, "AcademicAwardLevel")).isEqualTo("1.5");
        assertThat(text(first, "AcademicAwardDate")).isEqualTo("2026-11-21");
        assertThat(text(first, "AcademicAwardTitle")).isEqualTo("Data \"Analysis\" Fundamentals");
        assertThat(text(first, "AcademicCompletionIndicator")).isEqualTo("true");
        assertThat(text(first, "AcademicCompletionDate")).isEqualTo("2026-11-20");
        assertThat(text(first, "CredentialID")).isEqualTo("data-analysis");
        assertThat(text(first, "CredentialVersion")).isEqualTo("3");
        assertThat(text(first, "IssuerName")).isEqualTo("Example University");
        assertThat(text(first, "EarnedDateTime")).isEqualTo("2026-11-20T10:00:00Z");
        assertThat(text(first, "EventID")).isEqualTo("e1");

        Element revoked = (Element) entries.item(1);
        assertThat(text(revoked, "EntryKey")).isEqualTo("award-2/REVOKED");
        assertThat(text(revoked, "AcademicCompletionIndicator")).isEqualTo("false");
    }

    @Test
    void markupInValuesIsEscapedAndCharactersXmlCannotCarryAreReplacedSoTheFileStaysWellFormed() throws Exception {
        TranscriptEntry hostile = new TranscriptEntry(
                "award-1",
                Action.ISSUED,
                "alice",
                "data-analysis",
                1,
                "R&D <b>Lab</b> ]]> 'safety' \u0007bell",
                "certificate",
                "https://credentials.example.edu/?a=1&b=2",
                "Écoles & Co",
                Instant.parse("2026-11-20T10:00:00Z"),
                Instant.parse("2026-11-21T10:00:00Z"),
                List.of(),
                "xapi",
                null);

        byte[] bytes = layout.render("b-1", List.of(hostile));
        Element entry = (Element) parse(bytes)
                .getElementsByTagNameNS(AcademicAwardXmlLayout.NAMESPACE, "AcademicAwardEntry")
                .item(0);

        assertThat(text(entry, "AcademicAwardTitle")).isEqualTo("R&D <b>Lab</b> ]]> 'safety' \uFFFDbell");
        assertThat(text(entry, "IssuerID")).isEqualTo("https://credentials.example.edu/?a=1&b=2");
        assertThat(text(entry, "IssuerName")).isEqualTo("Écoles & Co");
        assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("<b>");
        assertThat(entry.getElementsByTagNameNS(AcademicAwardXmlLayout.NAMESPACE, "SchoolAssignedPersonID")
                        .getLength())
                .as("an absent value is an absent element, not an empty one")
                .isZero();
        assertThat(entry.getElementsByTagNameNS(AcademicAwardXmlLayout.NAMESPACE, "AcademicAwardLevel")
                        .getLength())
                .as("no level is configured for certificates")
                .isZero();
        assertThat(entry.getElementsByTagNameNS(AcademicAwardXmlLayout.NAMESPACE, "Evidence")
                        .getLength())
                .isZero();
    }

    @Test
    void anEmptyBatchIsStillAWellFormedDocumentCountingNoRecords() throws Exception {
        Document xml = parse(layout.render("b-0", List.of()));

        assertThat(text(xml.getDocumentElement(), "RecordCount")).isEqualTo("0");
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static String text(Element parent, String name) {
        NodeList found = parent.getElementsByTagNameNS(AcademicAwardXmlLayout.NAMESPACE, name);
        assertThat(found.getLength()).as(name).isEqualTo(1);
        return found.item(0).getTextContent();
    }
}
