package io.credbridge.transcript.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credbridge.ops.LearnerRef;
import io.credbridge.transcript.Discrepancy;
import io.credbridge.transcript.EntryTemplate;
import io.credbridge.transcript.ExpectedTranscript;
import io.credbridge.transcript.SisRecords;
import io.credbridge.transcript.SisResponses;
import io.credbridge.transcript.TranscriptEntry;
import io.credbridge.transcript.TranscriptEntry.Action;
import io.credbridge.transcript.TranscriptReadBack;
import io.credbridge.transcript.TransientSisFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a learner's records back through the configured read URL and compares them with the entries in effect. A
 * record is CredBridge's when it names one of the learner's award ids; it is expected to hold what the body
 * template of its entry's call wrote. Without an action in the records, the SIS keeps one record per award: the
 * last entry's call says what it holds, or that it is gone (DELETE).
 */
final class RestReadBack implements TranscriptReadBack {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RestTranscriptWriter writer;
    private final RestSettings.ReadBack settings;
    private final Map<String, String> values;
    private final SisResponses responses;
    private final EntryTemplate url;

    RestReadBack(
            RestTranscriptWriter writer,
            RestSettings.ReadBack settings,
            Map<String, String> values,
            SisResponses responses) {
        this.writer = writer;
        this.settings = settings;
        this.values = Map.copyOf(values);
        this.responses = responses;
        this.url = EntryTemplate.url("credbridge.transcript.rest.read-back.url", settings.url());
    }

    @Override
    public List<Discrepancy> compare(List<ExpectedTranscript> learners) {
        List<Discrepancy> found = new ArrayList<>();
        for (ExpectedTranscript learner : learners) {
            found.addAll(SisRecords.compare(
                    learner.learnerId(), RestTranscriptWriter.TARGET, expected(learner), held(learner)));
        }
        return found;
    }

    private boolean onePerEntry() {
        return settings.actionPointer() != null;
    }

    private List<SisRecords.Expected> expected(ExpectedTranscript learner) {
        List<SisRecords.Expected> expected = new ArrayList<>();
        for (List<TranscriptEntry> entries : learner.byAward()) {
            TranscriptEntry last = entries.get(entries.size() - 1);
            if (writer.call(last.action()).method().equals("DELETE")) {
                expected.add(SisRecords.Expected.empty(
                        slot(last.awardId(), onePerEntry() ? Action.ISSUED : null),
                        last,
                        "award " + last.awardId() + " is " + last.action() + " and its call is a DELETE"));
                continue;
            }
            for (TranscriptEntry entry : onePerEntry() ? entries : List.of(last)) {
                RestTranscriptWriter.Call call = writer.call(entry.action());
                JsonNode body = call.body() == null ? null : call.body().lastingJson(writer.model(entry));
                expected.add(SisRecords.Expected.holding(
                        slot(entry.awardId(), onePerEntry() ? entry.action() : null), entry, body));
            }
        }
        return expected;
    }

    private static String slot(String awardId, Action action) {
        return action == null ? awardId : awardId + "/" + action;
    }

    private List<SisRecords.Held> held(ExpectedTranscript learner) {
        List<SisRecords.Held> held = new ArrayList<>();
        for (JsonNode record : records(learner)) {
            String awardId = record.at(settings.awardIdPointer()).asText("");
            if (!learner.awardIds().contains(awardId)) {
                continue;
            }
            Action action =
                    onePerEntry() ? action(record.at(settings.actionPointer()).asText("")) : null;
            String id = settings.recordIdPointer() == null
                    ? awardId
                    : record.at(settings.recordIdPointer()).asText(awardId);
            held.add(new SisRecords.Held(slot(awardId, action), awardId, action, id, record));
        }
        return held;
    }

    private static Action action(String text) {
        try {
            return Action.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private List<JsonNode> records(ExpectedTranscript learner) {
        Map<String, Object> model = new HashMap<>();
        model.put("sisPersonId", learner.sisPersonId());
        model.put("learnerId", learner.learnerId());
        model.put("values", values);
        HttpResponse<String> response = writer.get(URI.create(url.render(model)));
        if (response.statusCode() == 404) {
            return List.of();
        }
        responses.check(
                "reading back the records of " + LearnerRef.of(learner.learnerId()), response, learner.learners());
        try {
            JsonNode body = JSON.readTree(response.body());
            JsonNode records = settings.recordsPointer() == null
                            || settings.recordsPointer().isEmpty()
                    ? body
                    : body.at(settings.recordsPointer());
            if (!records.isArray()) {
                throw new TransientSisFailure("the read URL answered no array of records at '"
                        + (settings.recordsPointer() == null ? "" : settings.recordsPointer())
                        + "' (check credbridge.transcript.rest.read-back.records-pointer)");
            }
            List<JsonNode> list = new ArrayList<>();
            records.forEach(list::add);
            return list;
        } catch (IOException e) {
            throw new TransientSisFailure("the read URL answered something that is not JSON: " + e.getMessage());
        }
    }

    @Override
    public String target() {
        return RestTranscriptWriter.TARGET;
    }
}
