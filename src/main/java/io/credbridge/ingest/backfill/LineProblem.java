package io.credbridge.ingest.backfill;

/**
 * What is wrong with one line of a backfill file.
 *
 * @param line where the line starts in the file (the header is line 1; a quoted field may span lines)
 * @param column the column at fault, as the header names it, or null when it is the whole line
 */
public record LineProblem(long line, String column, String detail) {

    /** As a person reads it: {@code line 7, Score: must be a number}. */
    public String describe() {
        return "line " + line + (column == null ? "" : ", " + column) + ": " + detail;
    }
}
