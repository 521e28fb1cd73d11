package io.credbridge.transcript.ethos;

import io.credbridge.transcript.EntryTemplate;
import io.credbridge.transcript.SisResponses;
import io.credbridge.transcript.TranscriptEntry;
import io.credbridge.transcript.TranscriptEntry.Action;
import io.credbridge.transcript.TranscriptWriter;
import io.credbridge.transcript.WrittenEntry;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes transcript entries to an Ethos resource. Every write is a PUT to {@code /api/{resource}/{guid}} with a
 * GUID derived from the award id and action (a name-based UUID): Ethos creates the record when the GUID is new
 * and updates it when it exists, so an entry delivered again, even after a crash between the SIS call and the
 * outbox update, lands on the same record instead of creating a second one.
 */
final class EthosTranscriptWriter implements TranscriptWriter {

    private static final Logger log = LoggerFactory.getLogger(EthosTranscriptWriter.class);

    private final EthosConnection ethos;
    private final EthosSettings settings;
    private final Map<Action, EntryTemplate> templates;
    private final EthosPersons persons;
    private final SisResponses responses;
    private final Clock clock;

    EthosTranscriptWriter(
            EthosConnection ethos,
            EthosSettings settings,
            Map<Action, EntryTemplate> templates,
            EthosPersons persons,
            SisResponses responses,
            Clock clock) {
        this.ethos = ethos;
        this.settings = settings;
        this.templates = Map.copyOf(templates);
        this.persons = persons;
        this.responses = responses;
        this.clock = clock;
    }

    @Override
    public String target() {
        return EthosConnection.TARGET;
    }

    @Override
    public List<WrittenEntry> write(List<TranscriptEntry> entries) {
        return entries.stream()
                .map(entry -> new WrittenEntry(entry, write(entry)))
                .toList();
    }

    /** The GUID of the SIS record an award's action writes; the same award and action always give the same. */
    static UUID guidOf(String awardId, Action action) {
        return UUID.nameUUIDFromBytes(
                ("credbridge:transcript:" + awardId + "/" + action.name()).getBytes(StandardCharsets.UTF_8));
    }

    /** Writes the entry; returns the id of the record it wrote (or deleted). */
    private String write(TranscriptEntry entry) {
        UUID guid = recordGuid(entry, settings.ending());
        if (entry.action() != Action.ISSUED && settings.ending() == EthosSettings.Ending.DELETE) {
            delete(entry, guid);
            return guid.toString();
        }
        return put(entry, guid);
    }

    /** The GUID of the record an entry writes: its award's issued record, or a reversing entry's own. */
    static UUID recordGuid(TranscriptEntry entry, EthosSettings.Ending ending) {
        Action action = entry.action() != Action.ISSUED && ending == EthosSettings.Ending.REVERSING_ENTRY
                ? entry.action()
                : Action.ISSUED;
        return guidOf(entry.awardId(), action);
    }

    /** The model of the entry's template, as written to the record {@code guid}. */
    Map<String, Object> model(TranscriptEntry entry, UUID guid) {
        EntryTemplate template = templates.get(entry.action());
        Map<String, Object> model = EntryTemplate.model(entry, settings.values(), clock);
        model.put("guid", guid.toString());
        model.put("issuedGuid", guidOf(entry.awardId(), Action.ISSUED).toString());
        if (template.uses("personGuid")) {
            model.put("personGuid", persons.guidOf(entry));
        }
        return model;
    }

    EntryTemplate template(Action action) {
        return templates.get(action);
    }

    /** Returns the record's id as Ethos answered it, or the GUID written when the answer names none. */
    private String put(TranscriptEntry entry, UUID guid) {
        String body = templates.get(entry.action()).render(model(entry, guid));
        HttpResponse<String> response = ethos.send("PUT", recordPath(guid), settings.mediaType(), body);
        responses.check(entry.idempotencyKey(), response, entry.learners());
        log.debug("Ethos {} {} written for {}", settings.resource(), guid, entry.idempotencyKey());
        return EthosRecordIds.answered(response.body()).orElse(guid.toString());
    }

    private void delete(TranscriptEntry entry, UUID issued) {
        HttpResponse<String> response = ethos.send("DELETE", recordPath(issued), settings.mediaType(), null);
        // Already gone is what a delete wants: the first delivery deleted it before a crash lost the outcome.
        if (response.statusCode() != 404) {
            responses.check(entry.idempotencyKey(), response, entry.learners());
        }
    }

    private String recordPath(UUID guid) {
        return "/api/" + settings.resource() + "/" + guid;
    }
}
