package io.credbridge.ops;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.MediaType;

/** What every CSV upload takes (identity mappings, backfills): {@code text/csv}, in the charset it names or UTF-8. */
public final class CsvMediaType {

    public static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

    private CsvMediaType() {}

    /** The charset of a {@code text/csv} body; empty when the type is another, unreadable, or names no known charset. */
    public static Optional<Charset> charsetOf(String contentType) {
        try {
            MediaType type = contentType == null ? null : MediaType.parseMediaType(contentType);
            if (type == null || !TEXT_CSV.includes(type)) {
                return Optional.empty();
            }
            return Optional.of(type.getCharset() == null ? StandardCharsets.UTF_8 : type.getCharset());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
