package io.credbridge.badge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.credbridge.award.AwardChange;
import io.credbridge.catalog.EuMicroCredential;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Builds the award as an Open Badges 3.0 AchievementCredential (a W3C Verifiable Credential 2.0) without a proof;
 * {@link SecuredCredentials} signs it. Every term is defined by a listed context, so the document expands in
 * JSON-LD safe mode and a Data Integrity proof covers all of it.
 */
final class OpenBadgeCredentials {

    static final String VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";
    static final String OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    static final String OB_SCHEMA =
            "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";
    /**
     * VC 2.0 names JSON Schema validation {@code JsonSchema} (W3C VC JSON Schema), defined by the credentials v2
     * context; OB 3.0's older {@code 1EdTechJsonSchemaValidator2019} is defined by no context and would be dropped.
     */
    static final String SCHEMA_TYPE = "JsonSchema";

    private static final Pattern UUID =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private final ObjectMapper json = new ObjectMapper();
    private final Issuers issuers;
    private final Achievements achievements;
    private final String extensionContext;

    /** @param contexts where CredBridge's own extension context answers (under the public URL) */
    OpenBadgeCredentials(BadgeProperties properties, Issuers issuers, JsonLdContexts contexts) {
        this.issuers = issuers;
        this.achievements = new Achievements(properties.achievementIdPrefix());
        this.extensionContext = contexts.ownUrl(EuMicroCredentialTerms.CONTEXT_PATH);
    }

    public ObjectNode of(AwardChange award, StatusListEntry status) {
        ObjectNode credential = json.createObjectNode();
        ArrayNode context = credential.putArray("@context").add(VC_CONTEXT).add(OB_CONTEXT);
        credential.put("id", "urn:uuid:" + award.awardId());
        credential.putArray("type").add("VerifiableCredential").add("OpenBadgeCredential");
        credential.put("name", award.credentialName());
        credential.set("issuer", profile(issuers.forCatalogIssuer(award.issuerId()), award));
        credential.put("validFrom", award.awardedAt().toString());
        if (award.expiresAt() != null) {
            credential.put("validUntil", award.expiresAt().toString());
        }
        ObjectNode achievement = achievements.of(award);
        if (EuMicroCredentialTerms.writeTo(achievement, Achievements.recognitionOf(award))) {
            context.add(extensionContext);
        }
        credential.set("credentialSubject", subject(award, achievement));
        credential.set("evidence", evidence(award));
        status.writeTo(credential);
        ObjectNode schema = credential.putArray("credentialSchema").addObject();
        schema.put("id", OB_SCHEMA);
        schema.put("type", SCHEMA_TYPE);
        return credential;
    }

    /** The issuing unit's profile; the awarding body's country (an EU element) as OB 3.0's address country code. */
    private ObjectNode profile(Issuer issuer, AwardChange award) {
        ObjectNode profile = json.createObjectNode();
        profile.put("id", issuer.did());
        profile.putArray("type").add("Profile");
        profile.put("name", issuer.name());
        if (issuer.url() != null) {
            profile.put("url", issuer.url());
        }
        if (issuer.email() != null) {
            profile.put("email", issuer.email());
        }
        if (issuer.image() != null) {
            profile.putObject("image").put("id", issuer.image()).put("type", "Image");
        }
        EuMicroCredential eu = Achievements.recognitionOf(award).euMicroCredential();
        if (eu != null && eu.awardingBodyCountry() != null) {
            ObjectNode address = profile.putObject("address");
            address.putArray("type").add("Address");
            address.put("addressCountryCode", eu.awardingBodyCountry());
        }
        return profile;
    }

    private ObjectNode subject(AwardChange award, ObjectNode achievement) {
        ObjectNode subject = json.createObjectNode();
        RecipientIdentity.of(award).writeTo(subject);
        subject.putArray("type").add("AchievementSubject");
        subject.set("achievement", achievement);
        List<ObjectNode> results = achievements.resultsOf(award);
        if (!results.isEmpty()) {
            subject.putArray("result").addAll(results);
        }
        return subject;
    }

    private ArrayNode evidence(AwardChange award) {
        ArrayNode evidence = json.createArrayNode();
        for (String eventId : award.evidenceEventIds()) {
            ObjectNode item = evidence.addObject();
            if (UUID.matcher(eventId).matches()) {
                item.put("id", "urn:uuid:" + eventId.toLowerCase(Locale.ROOT));
            }
            item.putArray("type").add("Evidence");
            item.put("narrative", "Learning event " + eventId + " received from " + award.source() + ".");
        }
        return evidence;
    }
}
