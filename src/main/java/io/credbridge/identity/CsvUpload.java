package io.credbridge.identity;

import io.credbridge.ops.CsvMediaType;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.List;

/** The body of a mapping upload: CSV only, and text in the charset it claims (UTF-8 when it claims none). */
final class CsvUpload {

    private CsvUpload() {}

    static Charset charsetOf(String contentType) {
        return CsvMediaType.charsetOf(contentType).orElseThrow(() -> new UnsupportedUploadTypeException(contentType));
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
