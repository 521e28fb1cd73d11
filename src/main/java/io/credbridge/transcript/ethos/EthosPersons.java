package io.credbridge.transcript.ethos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.credbridge.avro.LearnerIdentifier;
import io.credbridge.identity.SisPersonLookup;
import io.credbridge.ops.LearnerRef;
import io.credbridge.transcript.PermanentSisRejection;
import io.credbridge.transcript.SisResponses;
import io.credbridge.transcript.TranscriptEntry;
import io.credbridge.transcript.TransientSisFailure;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Learners among Ethos {@code persons}, filtered by a person credential ({@code criteria={"credentials":[{"type",
 * "value"}]}}) or an e-mail address. As the identity port it answers the SIS person id (the credential named by
 * {@code persons.id-credential-type}, e.g. the Banner ID) of an LMS account or e-mail; for writes it answers the
 * person GUID that EEDM resources such as {@code student-aptitude-assessments} refer to, remembered for good
 * because a person's GUID does not change.
 */
final class EthosPersons implements SisPersonLookup {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EthosConnection ethos;
    private final EthosSettings.Persons settings;
    private final SisResponses responses;
    private final Map<String, String> guids = new ConcurrentHashMap<>();

    EthosPersons(EthosConnection ethos, EthosSettings.Persons settings, SisResponses responses) {
        this.ethos = ethos;
        this.settings = settings;
        this.responses = responses;
    }

    @Override
    public Optional<String> sisPersonIdFor(LearnerIdentifier identifier) {
        ObjectNode criteria = JSON.createObjectNode();
        switch (identifier.getScheme()) {
            case "account":
                criteria.set("credentials", credential(settings.accountCredentialType(), identifier.getValue()));
                break;
            case "mbox":
                String address = identifier.getValue().replaceFirst("(?i)^mailto:", "");
                criteria.putArray("emails").addObject().put("address", address.toLowerCase(Locale.ROOT));
                break;
            default:
                return Optional.empty();
        }
        return first(criteria, "person lookup", List.of(LearnerRef.of(identifier.getValue())))
                .flatMap(this::sisPersonIdOf);
    }

    /** The person GUID of the entry's learner; a learner Ethos does not know is an entry the registrar must fix. */
    String guidOf(TranscriptEntry entry) {
        return guidOf(entry.sisPersonId(), entry.learnerId(), entry.idempotencyKey());
    }

    /** @param purpose the entry key, or what else the GUID is looked up for, as refusals quote it */
    String guidOf(String sisPersonId, String learnerId, String purpose) {
        if (sisPersonId == null || sisPersonId.isBlank()) {
            throw new PermanentSisRejection(
                    EthosConnection.TARGET,
                    purpose,
                    0,
                    "CredBridge.No.Sis.Person",
                    "the learner " + LearnerRef.of(learnerId) + " has no SIS person id; map them (POST /api/identity/"
                            + "mappings) and resubmit");
        }
        String known = guids.get(sisPersonId);
        if (known != null) {
            return known;
        }
        ObjectNode criteria = JSON.createObjectNode();
        criteria.set("credentials", credential(settings.idCredentialType(), sisPersonId));
        String guid = first(criteria, purpose, LearnerRef.both(learnerId, sisPersonId))
                .map(person -> person.path("id").asText(null))
                .orElseThrow(() -> new PermanentSisRejection(
                        EthosConnection.TARGET,
                        purpose,
                        404,
                        "Person.Not.Found",
                        "Ethos has no person with " + settings.idCredentialType() + " " + LearnerRef.of(sisPersonId)));
        guids.put(sisPersonId, guid);
        return guid;
    }

    /** @param about the learner looked up, whose ids are hidden where an error answer quotes them */
    private Optional<JsonNode> first(ObjectNode criteria, String purpose, List<LearnerRef> about) {
        String query = "?criteria=" + URLEncoder.encode(criteria.toString(), StandardCharsets.UTF_8);
        HttpResponse<String> response = ethos.send("GET", "/api/persons" + query, settings.mediaType(), null);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        responses.check(purpose, response, about);
        try {
            JsonNode people = JSON.readTree(response.body());
            return people.isArray() && people.size() > 0 ? Optional.of(people.get(0)) : Optional.empty();
        } catch (IOException e) {
            throw new TransientSisFailure("Ethos persons answered something that is not JSON: " + e.getMessage());
        }
    }

    private Optional<String> sisPersonIdOf(JsonNode person) {
        for (JsonNode credential : person.path("credentials")) {
            if (settings.idCredentialType().equals(credential.path("type").asText())) {
                return Optional.of(credential.path("value").asText());
            }
        }
        return Optional.empty();
    }

    private static ArrayNode credential(String type, String value) {
        ArrayNode credentials = JSON.createArrayNode();
        credentials.addObject().put("type", type).put("value", value);
        return credentials;
    }
}
