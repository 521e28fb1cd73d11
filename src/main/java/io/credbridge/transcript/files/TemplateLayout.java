package io.credbridge.transcript.files;

import io.credbridge.transcript.EntryTemplate;
import io.credbridge.transcript.TranscriptEntry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A layout the institution writes as a Mustache template, the mechanism the REST adapter's bodies use: the whole
 * file is one template, its records a {@code {{#entries}}...{{/entries}}} section over the entry model every SIS
 * template has ({@link EntryTemplate#model}), plus {@code batchId}, {@code createdAt} and {@code count}.
 */
public final class TemplateLayout implements FileLayout {

    private final EntryTemplate template;
    private final String extension;
    private final Map<String, String> values;
    private final Clock clock;

    /** @param extension the extension of the files written, e.g. {@code txt} or {@code dat} */
    public TemplateLayout(EntryTemplate template, String extension, Map<String, String> values, Clock clock) {
        this.template = template;
        this.extension = extension;
        this.values = Map.copyOf(values);
        this.clock = clock;
    }

    @Override
    public String extension() {
        return extension;
    }

    @Override
    public byte[] render(String batchId, List<TranscriptEntry> entries) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("batchId", batchId);
        model.put("createdAt", clock.instant().toString());
        model.put("count", entries.size());
        model.put("values", values);
        model.put(
                "entries",
                entries.stream()
                        .map(entry -> EntryTemplate.model(entry, values, clock))
                        .toList());
        return template.render(model).getBytes(StandardCharsets.UTF_8);
    }
}
