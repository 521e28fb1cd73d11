package io.credbridge.transcript.files;

import io.credbridge.transcript.TranscriptEntry;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A PESC-style XML layout: one {@code AcademicAwardBatch} document per batch, one {@code AcademicAwardEntry} per
 * entry, each holding a PESC {@code AcademicAward} (level, date, title, completion). One file per batch because
 * batch-loading SIS imports (PeopleSoft data loads, Workday integrations, Banner population loads) run once per
 * file and acknowledge per file and record: a file per entry would start thousands of import runs.
 *
 * <p>Written with StAX, so every value is escaped; characters XML 1.0 cannot carry at all (control characters)
 * become U+FFFD instead of making the file unreadable. The README lists the elements.
 */
public final class AcademicAwardXmlLayout implements FileLayout {

    /** The namespace of the document; its version changes only when elements are removed or change meaning. */
    public static final String NAMESPACE = "urn:credbridge:transcript:academic-award-batch:1";

    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private final Map<String, String> awardLevels;
    private final Clock clock;

    /** @param awardLevels PESC {@code AcademicAwardLevel} code per credential kind; kinds not named get none */
    public AcademicAwardXmlLayout(Map<String, String> awardLevels, Clock clock) {
        this.awardLevels = Map.copyOf(awardLevels);
        this.clock = clock;
    }

    @Override
    public String extension() {
        return "xml";
    }

    @Override
    public byte[] render(String batchId, List<TranscriptEntry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("AcademicAwardBatch");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeStartElement("TransmissionData");
            element(xml, "DocumentID", batchId);
            element(xml, "CreatedDateTime", clock.instant().toString());
            element(xml, "RecordCount", Integer.toString(entries.size()));
            xml.writeEndElement();
            for (TranscriptEntry entry : entries) {
                entry(xml, entry);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the AcademicAward XML of batch " + batchId, e);
        }
        return out.toByteArray();
    }

    private void entry(XMLStreamWriter xml, TranscriptEntry entry) throws XMLStreamException {
        xml.writeStartElement("AcademicAwardEntry");
        element(xml, "EntryKey", entry.idempotencyKey());
        element(xml, "AwardID", entry.awardId());
        element(xml, "Action", entry.action().name());
        xml.writeStartElement("Person");
        element(xml, "SchoolAssignedPersonID", entry.sisPersonId());
        element(xml, "LearnerID", entry.learnerId());
        xml.writeEndElement();
        xml.writeStartElement("AcademicAward");
        element(xml, "AcademicAwardLevel", awardLevels.get(entry.credentialKind()));
        element(xml, "AcademicAwardDate", date(entry.awardedAt()));
        element(xml, "AcademicAwardTitle", entry.credentialName());
        element(xml, "AcademicCompletionIndicator", Boolean.toString(entry.action() == TranscriptEntry.Action.ISSUED));
        element(xml, "AcademicCompletionDate", date(entry.earnedAt()));
        xml.writeEndElement();
        xml.writeStartElement("Credential");
        element(xml, "CredentialID", entry.credentialId());
        element(xml, "CredentialVersion", Integer.toString(entry.credentialVersion()));
        element(xml, "CredentialKind", entry.credentialKind());
        element(xml, "IssuerID", entry.issuerId());
        element(xml, "IssuerName", entry.issuerName());
        xml.writeEndElement();
        element(
                xml,
                "EarnedDateTime",
                entry.earnedAt() == null ? null : entry.earnedAt().toString());
        element(
                xml,
                "AwardedDateTime",
                entry.awardedAt() == null ? null : entry.awardedAt().toString());
        if (!entry.evidenceEventIds().isEmpty()) {
            xml.writeStartElement("Evidence");
            for (String eventId : entry.evidenceEventIds()) {
                element(xml, "EventID", eventId);
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    /** An element with text; none at all when the value is absent, so an importer sees "not given", not "". */
    private static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        if (value == null) {
            return;
        }
        xml.writeStartElement(name);
        xml.writeCharacters(xmlChars(value));
        xml.writeEndElement();
    }

    private static String date(Instant instant) {
        return instant == null
                ? null
                : LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    /** Replaces what XML 1.0 forbids in text (most C0 controls, lone surrogates, U+FFFE/U+FFFF). */
    static String xmlChars(String text) {
        StringBuilder clean = null;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int width = Character.charCount(codePoint);
            if (!allowed(codePoint)) {
                if (clean == null) {
                    clean = new StringBuilder(text.substring(0, i));
                }
                clean.append('\uFFFD');
            } else if (clean != null) {
                clean.appendCodePoint(codePoint);
            }
            i += width;
        }
        return clean == null ? text : clean.toString();
    }

    private static boolean allowed(int c) {
        return c == 0x9
                || c == 0xA
                || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
