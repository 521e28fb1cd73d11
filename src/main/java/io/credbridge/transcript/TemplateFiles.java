package io.credbridge.transcript;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ResourceUtils;

/** Reads the template files a SIS mapping names ({@code classpath:...}, {@code file:...} or a plain path). */
public final class TemplateFiles {

    private final ResourceLoader resources;

    public TemplateFiles(ResourceLoader resources) {
        this.resources = resources;
    }

    /** @param setting the property that names the file, quoted in the error when it cannot be read */
    public EntryTemplate json(String setting, String location) {
        return EntryTemplate.json(location, read(setting, location));
    }

    /** A whole import file's template, escaped for the kind its extension names ({@link EntryTemplate#file}). */
    public EntryTemplate file(String setting, String location) {
        return EntryTemplate.file(location, read(setting, location));
    }

    private String read(String setting, String location) {
        // A plain path is a file, as documented; the resource loader alone would look for it on the class path.
        Resource resource =
                ResourceUtils.isUrl(location) ? resources.getResource(location) : new FileSystemResource(location);
        if (!resource.exists()) {
            throw new IllegalStateException(setting + " names " + location + ", which does not exist; name a"
                    + " template file, e.g. classpath:transcript-templates/banner-academic-event-issued.json");
        }
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(setting + ": cannot read " + location, e);
        }
    }
}
