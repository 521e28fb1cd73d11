package io.credbridge.transcript.ethos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credbridge.transcript.TransientSisFailure;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks at startup, through {@code GET /admin/available-resources}, that the tenant offers the configured resource
 * at the configured version with the methods CredBridge will call, and stops startup saying what to change when it
 * does not: a read-only resource (Colleague's {@code student-academic-credentials}) would otherwise refuse every
 * entry with 405. An Ethos that cannot be reached does not stop startup: entries wait in the outbox until it can.
 */
final class EthosResourceCheck {

    private static final Logger log = LoggerFactory.getLogger(EthosResourceCheck.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EthosConnection ethos;
    private final EthosSettings settings;

    EthosResourceCheck(EthosConnection ethos, EthosSettings settings) {
        this.ethos = ethos;
        this.settings = settings;
    }

    void verify() {
        JsonNode applications;
        try {
            HttpResponse<String> response = ethos.send("GET", "/admin/available-resources", "application/json", null);
            if (response.statusCode() != 200) {
                throw new TransientSisFailure("HTTP " + response.statusCode());
            }
            applications = JSON.readTree(response.body());
        } catch (TransientSisFailure | IOException e) {
            log.warn(
                    "Could not check Ethos for resource {} v{} at startup ({}); entries are written when Ethos answers",
                    settings.resource(),
                    settings.version(),
                    e.getMessage());
            return;
        }
        verify(representationsOf(applications));
    }

    private List<JsonNode> representationsOf(JsonNode applications) {
        List<JsonNode> representations = new ArrayList<>();
        TreeSet<String> offered = new TreeSet<>();
        for (JsonNode application : applications) {
            for (JsonNode resource : application.path("resources")) {
                offered.add(resource.path("name").asText());
                if (settings.resource().equals(resource.path("name").asText())) {
                    resource.path("representations").forEach(representations::add);
                }
            }
        }
        if (representations.isEmpty()) {
            throw new IllegalStateException("Ethos offers no resource '" + settings.resource()
                    + "' to this API key. Fix credbridge.transcript.ethos.resource (offered: "
                    + String.join(", ", offered) + "), or grant the Ethos application access to it.");
        }
        return representations;
    }

    private void verify(List<JsonNode> representations) {
        TreeSet<String> versions = new TreeSet<>();
        for (JsonNode representation : representations) {
            String mediaType = representation.path("X-Media-Type").asText();
            versions.add(mediaType);
            if (mediaType.equals(settings.mediaType())) {
                verifyMethods(representation.path("methods"));
                return;
            }
        }
        throw new IllegalStateException("Ethos offers '" + settings.resource() + "' but not at version "
                + settings.version() + " (" + settings.mediaType() + "). Fix credbridge.transcript.ethos.version;"
                + " offered: " + String.join(", ", versions) + ".");
    }

    private void verifyMethods(JsonNode methods) {
        TreeSet<String> allowed = new TreeSet<>();
        methods.forEach(method -> allowed.add(method.asText().toLowerCase(Locale.ROOT)));
        List<String> needed = new ArrayList<>(List.of("put"));
        if (settings.ending() == EthosSettings.Ending.DELETE) {
            needed.add("delete");
        }
        needed.removeAll(allowed);
        if (!needed.isEmpty()) {
            throw new IllegalStateException("Ethos resource '" + settings.resource() + "' v" + settings.version()
                    + " does not allow " + String.join(" and ", needed).toUpperCase(Locale.ROOT) + " (it allows "
                    + String.join(", ", allowed).toUpperCase(Locale.ROOT) + "). "
                    + (allowed.contains("put")
                            ? "Set credbridge.transcript.ethos.ending to update or reversing-entry."
                            : "It is read-only in this SIS: choose a writable resource in"
                                    + " credbridge.transcript.ethos.resource (see the README's SIS section)."));
        }
    }
}
