package io.credbridge.identity;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.MediaType;

/** The body of a mapping upload: CSV only, and text in the charset it claims (UTF-8 when it claims none). */
final class CsvUpload {

    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

    private CsvUpload() {}

    static Charset charsetOf(String contentType) {
        MediaType type;
        try {
            type = contentType == null ? null : MediaType.parseMediaType(contentType);
        } catch (IllegalArgumentException e) {
            type = null;
        }
        if (type == null || !TEXT_CSV.includes(type)) {
            throw new UnsupportedUploadTypeException(contentType);
        }
        try {
            return type.getCharset() == null ? StandardCharsets.UTF_8 : type.getCharset();
        } catch (IllegalArgumentException e) {
            throw new UnsupportedUploadTypeException(contentType);
        }
    }

    /** Decodes strictly: a file in another encoding is refused rather than stored with broken characters. */
    static String text(byte[] body, Charset charset) {
        if (body == null) {
            return "";
        }
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidRequestException(List.of(new InvalidRequestException.Problem(
                    "/",
                    "the file is not " + charset.name() + " text; save it as UTF-8 or name its charset in the"
                            + " Content-Type, e.g. text/csv; charset=windows-1252")));
        }
    }

    static final class UnsupportedUploadTypeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnsupportedUploadTypeException(String contentType) {
            super("mappings are uploaded as text/csv (UTF-8 unless a charset is named), not "
                    + (contentType == null ? "a body without a Content-Type" : contentType));
        }
    }
}
