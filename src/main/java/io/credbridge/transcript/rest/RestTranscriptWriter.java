package io.credbridge.transcript.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credbridge.transcript.EntryTemplate;
import io.credbridge.transcript.SisHttp;
import io.credbridge.transcript.SisResponses;
import io.credbridge.transcript.TranscriptEntry;
import io.credbridge.transcript.TranscriptEntry.Action;
import io.credbridge.transcript.TranscriptWriter;
import io.credbridge.transcript.WrittenEntry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes transcript entries to any HTTP API: per action a method, a URL template and a body template, and on
 * every call the idempotency header with the entry's key ({@code <award id>/<action>}), so an entry delivered
 * again is recognised by a SIS that deduplicates (or lands on the same URL with PUT).
 */
final class RestTranscriptWriter implements TranscriptWriter {

    static final String TARGET = "rest";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One action's call, its templates compiled. */
    record Call(String method, EntryTemplate url, EntryTemplate body) {}

    private final SisHttp http;
    private final Map<Action, Call> calls;
    private final RestSettings settings;
    private final SisResponses responses;
    private final Clock clock;

    RestTranscriptWriter(
            SisHttp http, Map<Action, Call> calls, RestSettings settings, SisResponses responses, Clock clock) {
        this.http = http;
        this.calls = Map.copyOf(calls);
        this.settings = settings;
        this.responses = responses;
        this.clock = clock;
    }

    @Override
    public String target() {
        return TARGET;
    }

    @Override
    public List<WrittenEntry> write(List<TranscriptEntry> entries) {
        return entries.stream()
                .map(entry -> new WrittenEntry(entry, write(entry)))
                .toList();
    }

    /** Returns the record's id where {@code record-id-pointer} finds it in the answer; null otherwise. */
    private String write(TranscriptEntry entry) {
        Call call = calls.get(entry.action());
        Map<String, Object> model = EntryTemplate.model(entry, settings.values(), clock);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        headers.put(settings.idempotencyHeader(), entry.idempotencyKey());
        String body = null;
        if (call.body() != null) {
            body = call.body().render(model);
            headers.put("Content-Type", "application/json");
        }
        HttpResponse<String> response =
                http.send(call.method(), URI.create(call.url().render(model)), body, headers);
        // A DELETE of what is already gone has done its job: the first delivery got there before a crash.
        if (!(call.method().equals("DELETE") && response.statusCode() == 404)) {
            responses.check(entry.idempotencyKey(), response, entry.learners());
        }
        return recordId(response.body());
    }

    Call call(Action action) {
        return calls.get(action);
    }

    Map<String, Object> model(TranscriptEntry entry) {
        return EntryTemplate.model(entry, settings.values(), clock);
    }

    /** A GET with the writes' credentials; the caller judges the answer. */
    HttpResponse<String> get(URI uri) {
        return http.send("GET", uri, null, Map.of("Accept", "application/json"));
    }

    private String recordId(String body) {
        if (settings.recordIdPointer() == null || body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode id = JSON.readTree(body).at(settings.recordIdPointer());
            return id.isValueNode() && !id.asText().isBlank() ? id.asText() : null;
        } catch (IOException notJson) {
            return null;
        }
    }
}
