package io.credbridge.transcript;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Mustache template over a transcript entry: the body or URL of a SIS call, so a new SIS mapping is a template
 * and not code. Values are escaped for where they land ({@code {{credentialName}}} inside a JSON string, or a
 * URL), and a name the model does not have stops the write rather than sending a half-filled record.
 */
public final class EntryTemplate {

    private static final Mustache.Compiler JSON = Mustache.compiler()
            .withEscaper(text -> new String(JsonStringEncoder.getInstance().quoteAsString(text)))
            .nullValue("");
    private static final Mustache.Compiler URL = Mustache.compiler()
            .withEscaper(text -> URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20"))
            .nullValue("");

    private static final Mustache.Compiler XML =
            Mustache.compiler().withEscaper(Escapers.HTML).nullValue("");
    private static final Mustache.Compiler CSV =
            Mustache.compiler().withEscaper(EntryTemplate::csvField).nullValue("");
    // A fixed-width or delimited text record: a value must not break the line it sits on.
    private static final Mustache.Compiler TEXT = Mustache.compiler()
            .withEscaper(text -> text.replaceAll("[\\r\\n]+", " "))
            .nullValue("");

    private static final ObjectMapper READER = new ObjectMapper();

    private final String name;
    private final String text;
    private final Template template;

    private EntryTemplate(String name, String text, Template template) {
        this.name = name;
        this.text = text;
        this.template = template;
    }

    /** A request body template; values are escaped as JSON string content. */
    public static EntryTemplate json(String name, String text) {
        return new EntryTemplate(name, text, compile(JSON, name, text));
    }

    /** A URL template; values are percent-encoded. */
    public static EntryTemplate url(String name, String text) {
        return new EntryTemplate(name, text, compile(URL, name, text));
    }

    /**
     * A whole import file's template; values are escaped for the file's kind, told by the name's extension:
     * {@code .xml} as XML text, {@code .json} as JSON string content, {@code .csv} as RFC 4180 fields (quoted when
     * needed), anything else as text on one line (line breaks become spaces).
     */
    public static EntryTemplate file(String name, String text) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        Mustache.Compiler compiler = TEXT;
        if (lower.endsWith(".xml")) {
            compiler = XML;
        } else if (lower.endsWith(".json")) {
            compiler = JSON;
        } else if (lower.endsWith(".csv")) {
            compiler = CSV;
        }
        return new EntryTemplate(name, text, compile(compiler, name, text));
    }

    private static String csvField(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\r') < 0 && text.indexOf('\n') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    /** Whether the template names this value: some values cost a SIS call and are only looked up when used. */
    public boolean uses(String value) {
        return text.contains("{{" + value) || text.contains("{{{" + value) || text.contains("{{#" + value);
    }

    public String render(Map<String, Object> model) {
        try {
            return template.execute(model);
        } catch (MustacheException e) {
            throw new IllegalStateException("transcript template " + name + " cannot be filled: " + e.getMessage(), e);
        }
    }

    /**
     * The JSON body the template writes for the model, without the values that depend on when or from which source
     * the entry was written ({@code today}, {@code source}): what a record written from it must still hold when read
     * back. Null when the template does not make JSON.
     */
    public JsonNode lastingJson(Map<String, Object> model) {
        Map<String, Object> once = new LinkedHashMap<>(model);
        once.put("today", LocalDate.of(2000, 1, 1));
        once.put("source", "credbridge-source-1");
        Map<String, Object> again = new LinkedHashMap<>(model);
        again.put("today", LocalDate.of(2000, 1, 2));
        again.put("source", "credbridge-source-2");
        try {
            return JsonSubset.common(READER.readTree(render(once)), READER.readTree(render(again)));
        } catch (IOException notJson) {
            return null;
        }
    }

    /**
     * What every template can use: the entry's fields by their names, {@code earnedOn} and {@code awardedOn} (UTC
     * dates), {@code today} (the UTC date of the write), {@code idempotencyKey}, and {@code values.*}, the fixed values of the mapping's configuration
     * (event codes, assessment ids).
     */
    public static Map<String, Object> model(TranscriptEntry entry, Map<String, String> values, Clock clock) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("awardId", entry.awardId());
        model.put("action", entry.action().name());
        model.put("learnerId", entry.learnerId());
        model.put("sisPersonId", entry.sisPersonId());
        model.put("credentialId", entry.credentialId());
        model.put("credentialVersion", entry.credentialVersion());
        model.put("credentialName", entry.credentialName());
        model.put("credentialKind", entry.credentialKind());
        model.put("issuerId", entry.issuerId());
        model.put("issuerName", entry.issuerName());
        model.put("earnedAt", entry.earnedAt() == null ? null : entry.earnedAt().toString());
        model.put(
                "awardedAt",
                entry.awardedAt() == null ? null : entry.awardedAt().toString());
        model.put("earnedOn", entry.earnedAt() == null ? null : LocalDate.ofInstant(entry.earnedAt(), ZoneOffset.UTC));
        model.put(
                "awardedOn", entry.awardedAt() == null ? null : LocalDate.ofInstant(entry.awardedAt(), ZoneOffset.UTC));
        model.put("evidenceEventIds", entry.evidenceEventIds());
        model.put("source", entry.source());
        model.put("idempotencyKey", entry.idempotencyKey());
        model.put("today", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        model.put("values", Map.copyOf(values));
        return model;
    }

    private static Template compile(Mustache.Compiler compiler, String name, String text) {
        try {
            return compiler.compile(text);
        } catch (MustacheException e) {
            throw new IllegalArgumentException(
                    "transcript template " + name + " is not valid Mustache: " + e.getMessage(), e);
        }
    }
}
