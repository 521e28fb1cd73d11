package io.credbridge.ingest.caliper;

import java.util.Arrays;
import java.util.Optional;

/** The Caliper versions CredBridge takes: an envelope names its own in {@code dataVersion}. */
enum CaliperVersion {
    V1P1("http://purl.imsglobal.org/ctx/caliper/v1p1", "v1p1"),
    V1P2("http://purl.imsglobal.org/ctx/caliper/v1p2", "v1p2");

    /** The JSON-LD context of Caliper 1.0, which had no {@code dataVersion} yet. */
    static final String V1P0_CONTEXT = "http://purl.imsglobal.org/ctx/caliper/v1/Context";

    private final String context;
    private final String folder;

    CaliperVersion(String context, String folder) {
        this.context = context;
        this.folder = folder;
    }

    static Optional<CaliperVersion> of(String dataVersion) {
        return Arrays.stream(values())
                .filter(version -> version.context.equals(dataVersion))
                .findFirst();
    }

    /** The context IRI an envelope names as its {@code dataVersion}. */
    String context() {
        return context;
    }

    /** The version's short name, as the schema folders and errata name it: v1p1, v1p2. */
    String key() {
        return folder;
    }

    /** Where the version's schemas are on the classpath. */
    String folder() {
        return "caliper/schema/" + folder + "/";
    }

    static String supported() {
        return V1P1.context + " (Caliper 1.1) and " + V1P2.context + " (Caliper 1.2)";
    }
}
