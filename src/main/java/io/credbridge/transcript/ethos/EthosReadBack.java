package io.credbridge.transcript.ethos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credbridge.ops.LearnerRef;
import io.credbridge.transcript.Discrepancy;
import io.credbridge.transcript.EntryTemplate;
import io.credbridge.transcript.ExpectedTranscript;
import io.credbridge.transcript.PermanentSisRejection;
import io.credbridge.transcript.SisRecords;
import io.credbridge.transcript.SisResponses;
import io.credbridge.transcript.TranscriptEntry;
import io.credbridge.transcript.TranscriptEntry.Action;
import io.credbridge.transcript.TranscriptReadBack;
import io.credbridge.transcript.TransientSisFailure;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads a learner's records back from the Ethos resource ({@code GET /api/{resource}?criteria=}, page by page) and
 * compares them with the entries in effect. CredBridge's records are told apart from the SIS's others (test scores
 * in student-aptitude-assessments, say) by their GUIDs, derived from the learner's award ids; a record is expected
 * to hold what its template wrote, apart from values that depend on the day it was written.
 */
final class EthosReadBack implements TranscriptReadBack {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 100;

    private final EthosConnection ethos;
    private final EthosSettings settings;
    private final EthosTranscriptWriter writer;
    private final EthosPersons persons;
    private final SisResponses responses;
    private final EntryTemplate criteria;

    EthosReadBack(
            EthosConnection ethos,
            EthosSettings settings,
            EthosTranscriptWriter writer,
            EthosPersons persons,
            SisResponses responses) {
        this.ethos = ethos;
        this.settings = settings;
        this.writer = writer;
        this.persons = persons;
        this.responses = responses;
        this.criteria =
                EntryTemplate.json("credbridge.transcript.ethos.read-back-criteria", settings.readBackCriteria());
    }

    @Override
    public List<Discrepancy> compare(List<ExpectedTranscript> learners) {
        List<Discrepancy> found = new ArrayList<>();
        learners.forEach(learner -> found.addAll(compare(learner)));
        return found;
    }

    private List<Discrepancy> compare(ExpectedTranscript learner) {
        String personGuid;
        try {
            personGuid = persons.guidOf(learner.sisPersonId(), learner.learnerId(), "reconciliation");
        } catch (PermanentSisRejection unknown) {
            return learner.entries().stream()
                    .filter(entry -> entry.action() == Action.ISSUED)
                    .map(entry ->
                            Discrepancy.missing(entry, null, "its records cannot be read: " + unknown.sisMessage()))
                    .toList();
        }
        return SisRecords.compare(
                learner.learnerId(), EthosConnection.TARGET, expected(learner), held(learner, personGuid));
    }

    private List<SisRecords.Expected> expected(ExpectedTranscript learner) {
        List<SisRecords.Expected> expected = new ArrayList<>();
        for (List<TranscriptEntry> entries : learner.byAward()) {
            TranscriptEntry issued = entries.get(0);
            TranscriptEntry last = entries.get(entries.size() - 1);
            if (last.action() == Action.ISSUED) {
                expected.add(holding(issued));
                continue;
            }
            switch (settings.ending()) {
                case DELETE:
                    expected.add(SisRecords.Expected.empty(
                            guid(issued),
                            last,
                            "award " + last.awardId() + " is " + last.action()
                                    + " and credbridge.transcript.ethos.ending is delete"));
                    break;
                case REVERSING_ENTRY:
                    expected.add(holding(issued));
                    expected.add(holding(last));
                    break;
                case UPDATE:
                default:
                    expected.add(holding(last));
                    break;
            }
        }
        return expected;
    }

    private SisRecords.Expected holding(TranscriptEntry entry) {
        UUID guid = EthosTranscriptWriter.recordGuid(entry, settings.ending());
        return SisRecords.Expected.holding(
                guid.toString(), entry, writer.template(entry.action()).lastingJson(writer.model(entry, guid)));
    }

    private String guid(TranscriptEntry entry) {
        return EthosTranscriptWriter.recordGuid(entry, settings.ending()).toString();
    }

    /** The learner's records that carry the GUID of one of their awards' entries. */
    private List<SisRecords.Held> held(ExpectedTranscript learner, String personGuid) {
        Map<String, String[]> ours = new HashMap<>();
        for (String awardId : learner.awardIds()) {
            for (Action action : Action.values()) {
                ours.put(EthosTranscriptWriter.guidOf(awardId, action).toString(), new String[] {awardId, action.name()
                });
            }
        }
        List<SisRecords.Held> held = new ArrayList<>();
        for (JsonNode record : records(learner, personGuid)) {
            String id = record.path("id").asText("");
            String[] award = ours.get(id);
            if (award != null) {
                held.add(new SisRecords.Held(id, award[0], Action.valueOf(award[1]), id, record));
            }
        }
        return held;
    }

    private List<JsonNode> records(ExpectedTranscript learner, String personGuid) {
        Map<String, Object> model = new HashMap<>();
        model.put("personGuid", personGuid);
        model.put("sisPersonId", learner.sisPersonId());
        model.put("learnerId", learner.learnerId());
        String filter = URLEncoder.encode(criteria.render(model), StandardCharsets.UTF_8);
        List<JsonNode> records = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            HttpResponse<String> response = ethos.send(
                    "GET",
                    "/api/" + settings.resource() + "?criteria=" + filter + "&offset=" + offset + "&limit=" + PAGE,
                    settings.mediaType(),
                    null);
            responses.check(
                    "reading back " + settings.resource() + " of " + LearnerRef.of(learner.learnerId()),
                    response,
                    learner.learners());
            JsonNode page = parse(response.body());
            page.forEach(records::add);
            if (page.size() < PAGE) {
                return records;
            }
        }
    }

    private JsonNode parse(String body) {
        try {
            JsonNode page = JSON.readTree(body);
            if (!page.isArray()) {
                throw new TransientSisFailure("Ethos answered a read of " + settings.resource() + " with no array");
            }
            return page;
        } catch (IOException e) {
            throw new TransientSisFailure("Ethos answered a read of " + settings.resource() + " with something that is"
                    + " not JSON: " + e.getMessage());
        }
    }

    @Override
    public String target() {
        return EthosConnection.TARGET;
    }
}
