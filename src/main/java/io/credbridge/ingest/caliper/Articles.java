package io.credbridge.ingest.caliper;

/** "an Assessment", "a Person": Caliper type names read in a sentence. */
final class Articles {

    private Articles() {}

    static String a(String noun) {
        return (!noun.isEmpty() && "AEIOUaeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }
}
