package io.credbridge.transcript.rest;

import io.credbridge.transcript.EntryTemplate;
import io.credbridge.transcript.SisHttp;
import io.credbridge.transcript.SisResponses;
import io.credbridge.transcript.TranscriptEntry;
import io.credbridge.transcript.TranscriptEntry.Action;
import io.credbridge.transcript.TranscriptWriter;
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
    public List<TranscriptEntry> write(List<TranscriptEntry> entries) {
        entries.forEach(this::write);
        return entries;
    }

    private void write(TranscriptEntry entry) {
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
            responses.check(entry.idempotencyKey(), response);
        }
    }
}
