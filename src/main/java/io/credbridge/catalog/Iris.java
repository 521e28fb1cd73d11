package io.credbridge.catalog;

/** The one rule catalog fields that hold identifiers share: they are absolute IRIs, comparable as strings. */
final class Iris {

    static final String ABSOLUTE = "^[A-Za-z][A-Za-z0-9+.-]*:\\S+$";
    static final String MESSAGE = "must be an absolute IRI such as https://lms.example.edu/courses/101";

    private Iris() {}
}
