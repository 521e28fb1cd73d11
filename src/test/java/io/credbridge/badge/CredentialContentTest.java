package io.credbridge.badge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import io.credbridge.award.AwardChange;
import io.credbridge.award.GradeAchieved;
import io.credbridge.catalog.AttemptRule;
import io.credbridge.catalog.CredentialDefinition;
import io.credbridge.catalog.Definitions;
import io.credbridge.catalog.DemoCatalog;
import io.credbridge.catalog.ScoreScale;
import io.credbridge.catalog.Validity;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What of the catalog definition the credential carries: in OB 3.0 fields, or in CredBridge's extension context. */
class CredentialContentTest {

    static final String EXTENSION = TestIssuers.PUBLIC_URL + "/contexts/credbridge-eu-microcredential-v1.jsonld";
    static final String EU = "https://credbridge.io/ns/eu-microcredential#";
    static final String EXAM = "https://lms.example.edu/assessments/sql-exam";
    static final GradeAchieved SCALED = new GradeAchieved(0.92, ScoreScale.SCALED, EXAM, AttemptRule.LATEST);
    static final GradeAchieved RAW = new GradeAchieved(42.0, ScoreScale.RAW, EXAM, AttemptRule.BEST);

    private final ObjectMapper json = new ObjectMapper();
    private final Issuer issuer = TestIssuers.issuers().all().get(0);
    private final SecuredCredentials credentials = TestIssuers.securedCredentials();
    private final CanonicalRdf canonical = new CanonicalRdf(JsonLdContexts.shipped(TestIssuers.PUBLIC_URL));
    private final CredentialVerifier verifier = new CredentialVerifier(Map.of(
            issuer.verificationMethod(), issuer.signingKey().verificationKey().publicKey(),
            issuer.jwkVerificationMethod(),
                    issuer.signingKey().verificationKey().publicKey()));
    private final List<CredentialDefinition> catalog = DemoCatalog.load("classpath:catalog-recognition/*.yaml");

    @Test
    void aDefinitionWithEveryFieldPutsEachInTheAchievementWithOpenBadgesFieldsWhereTheyExist() throws Exception {
        JsonNode credential = document(definition("sql-analytics"));
        JsonNode achievement = credential.at("/credentialSubject/achievement");

        assertThat(achievement.path("id").asText())
                .isEqualTo("https://credentials.example.edu/achievements/sql-analytics/v3");
        assertThat(achievement.path("name").asText()).isEqualTo("SQL Analytics");
        assertThat(achievement.path("description").asText()).isEqualTo("Writes analytical SQL over a data warehouse.");
        assertThat(achievement.path("criteria").path("narrative").asText())
                .contains("https://lms.example.edu/courses/sql-analytics");
        assertThat(achievement.path("achievementType").asText()).isEqualTo("Certification");
        assertThat(achievement.path("alignment")).hasSize(2);
        JsonNode caseItem = achievement.path("alignment").get(0);
        assertThat(caseItem.path("type").get(0).asText()).isEqualTo("Alignment");
        assertThat(caseItem.path("targetUrl").asText()).isEqualTo("https://case.example.edu/uri/9d3a2f1e-sql-joins");
        assertThat(caseItem.path("targetName").asText()).isEqualTo("join relational tables");
        assertThat(caseItem.path("targetFramework").asText()).isEqualTo("Example University CASE framework");
        assertThat(caseItem.path("targetCode").asText()).isEqualTo("SQL.1");
        assertThat(caseItem.path("targetType").asText()).isEqualTo("CFItem");
        assertThat(fieldNames(achievement.path("alignment").get(1))).containsExactly("type", "targetUrl", "targetName");
        assertThat(achievement.path("creditsAvailable").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(achievement.path("fieldOfStudy").asText()).isEqualTo("Information and Communication Technologies");
        assertThat(achievement.path("humanCode").asText()).isEqualTo("CERT-SQLA");
        assertThat(achievement.path("image").path("id").asText())
                .isEqualTo("https://credentials.example.edu/badges/sql-analytics.png");
        assertThat(achievement.path("image").path("type").asText()).isEqualTo("Image");
        JsonNode grading = achievement.path("resultDescription").get(0);
        assertThat(grading.path("id").asText())
                .isEqualTo("https://credentials.example.edu/achievements/sql-analytics/v3#grade");
        assertThat(grading.path("name").asText()).isEqualTo("Grade (pass/fail)");
        assertThat(grading.path("resultType").asText()).isEqualTo("Status");
        JsonNode result = credential.at("/credentialSubject/result/0");
        assertThat(result.path("resultDescription").asText())
                .isEqualTo(grading.path("id").asText());
        assertThat(result.path("status").asText()).isEqualTo("Completed");
        assertThat(credential.at("/issuer/address/addressCountryCode").asText()).isEqualTo("NL");
        assertThat(credential.at("/issuer/address/type/0").asText()).isEqualTo("Address");
    }

    @Test
    void theEuElementsOpenBadgesHasNoFieldForAreInTheExtensionContextsTerms() throws Exception {
        JsonNode credential = document(definition("sql-analytics"));
        JsonNode achievement = credential.at("/credentialSubject/achievement");

        assertThat(credential.path("@context").get(2).asText()).isEqualTo(EXTENSION);
        assertThat(achievement.path("learningOutcomes"))
                .extracting(JsonNode::asText)
                .containsExactly(
                        "Writes SQL queries that join, filter and aggregate relational data.",
                        "Explains a query plan.");
        assertThat(achievement.path("workloadHours").asInt()).isEqualTo(60);
        assertThat(achievement.path("ectsCredits").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(achievement.path("eqfLevel").asInt()).isEqualTo(5);
        assertThat(achievement.path("qfEheaLevel").asText()).isEqualTo("short cycle");
        assertThat(achievement.path("levelDescription").asText()).isEqualTo("Intermediate (EQF 5)");
        assertThat(achievement.path("assessmentType").asText()).isEqualTo("proctored online exam");
        assertThat(achievement.path("participationForm").asText()).isEqualTo("blended");
        assertThat(achievement.path("qualityAssurance").asText())
                .isEqualTo("internal quality assurance of Example University");
        assertThat(achievement.path("prerequisites").asText()).isEqualTo("Data Analysis Fundamentals");
        assertThat(achievement.path("identityVerification").asText())
                .isEqualTo("photo ID checked by the online proctor");
        assertThat(achievement.path("integrationOptions").asText())
                .isEqualTo("stacks into the Certificate in Applied Data Analysis");
        String nquads = canonical.nquads(jakarta(credential.toString()));
        for (String term : List.of(
                "learningOutcome",
                "workloadHours",
                "ectsCredits",
                "eqfLevel",
                "qfEheaLevel",
                "levelDescription",
                "assessmentType",
                "participationForm",
                "qualityAssurance",
                "prerequisites",
                "identityVerification",
                "integrationOptions")) {
            assertThat(nquads).as("%s is signed, not dropped", term).contains("<" + EU + term + ">");
        }
        assertThat(nquads)
                .contains("\"Explains a query plan.\"")
                .contains("<https://purl.imsglobal.org/spec/vc/ob/vocab.html#CountryCode> \"NL\"")
                .contains("<https://purl.imsglobal.org/spec/vc/ob/vocab.html#creditsAvailable>")
                .contains("<https://purl.imsglobal.org/spec/vc/ob/vocab.html#targetType> \"CFItem\"");
    }

    @Test
    void everyCredentialOfTheseDefinitionsIsSchemaValidExpandsInSafeModeAndVerifiesInBothForms() throws Exception {
        List<String> checked = new ArrayList<>();
        for (CredentialDefinition definition : catalog) {
            SecuredCredential credential = credentials.of(OpenBadgeCredentialsTest.award(definition, "alice", "S1"));

            assertThat(canonical.expand(jakarta(credential.document()))).isNotEmpty();
            assertThat(verifier.verifiesDataIntegrity(credential.dataIntegrity()))
                    .as(definition.id())
                    .isTrue();
            assertThat(json.readTree(verifier.verifiedJwsPayload(credential.jwt())))
                    .isEqualTo(json.readTree(credential.document()));
            checked.add(definition.id());
        }
        assertThat(checked).containsExactlyInAnyOrder("sql-analytics", "bare-badge");
    }

    @Test
    void theyPassThe1EdTechSchemaWithAndWithoutAGrade() throws Exception {
        JsonSchema schema = OpenBadgeCredentialsTest.ob3Schema();
        for (CredentialDefinition definition : catalog) {
            for (AwardChange award : List.of(
                    OpenBadgeCredentialsTest.award(definition, "alice", "S1"),
                    OpenBadgeCredentialsTest.graded(definition, SCALED),
                    OpenBadgeCredentialsTest.graded(definition, RAW))) {
                SecuredCredential credential = credentials.of(award);
                for (String form : List.of(credential.document(), credential.dataIntegrity())) {
                    assertThat(schema.validate(json.readTree(form)))
                            .as("%s graded %s", definition.id(), award.gradeAchieved())
                            .isEmpty();
                }
            }
        }
    }

    @Test
    void aGradedAwardsScoreIsTheValueOfAResultForAScaledScoreDescriptionBesideTheStatusOne() throws Exception {
        JsonNode credential = json.readTree(credentials
                .of(OpenBadgeCredentialsTest.graded(definition("sql-analytics"), SCALED))
                .document());
        JsonNode descriptions = credential.at("/credentialSubject/achievement/resultDescription");
        JsonNode results = credential.at("/credentialSubject/result");

        assertThat(descriptions).hasSize(2);
        assertThat(descriptions.get(0).path("resultType").asText()).isEqualTo("Status");
        JsonNode score = descriptions.get(1);
        assertThat(score.path("id").asText())
                .isEqualTo("https://credentials.example.edu/achievements/sql-analytics/v3#score");
        assertThat(score.path("type").get(0).asText()).isEqualTo("ResultDescription");
        assertThat(score.path("resultType").asText()).isEqualTo("ScaledScore");
        assertThat(score.path("valueMin").asText()).isEqualTo("0");
        assertThat(score.path("valueMax").asText()).isEqualTo("1");
        assertThat(score.path("name").asText()).isEqualTo("Scaled score (0 to 1) on " + EXAM + ", the latest attempt");
        assertThat(results).hasSize(2);
        assertThat(results.get(0).path("status").asText()).isEqualTo("Completed");
        assertThat(results.get(1).path("resultDescription").asText())
                .isEqualTo(score.path("id").asText());
        assertThat(results.get(1).path("value").asText()).isEqualTo("0.92");
        assertThat(results.get(1).has("status")).isFalse();
    }

    @Test
    void aRawScoreIsARawScoreResultAndABareDefinitionGainsOnlyThatResult() throws Exception {
        JsonNode credential = json.readTree(credentials
                .of(OpenBadgeCredentialsTest.graded(definition("bare-badge"), RAW))
                .document());

        assertThat(credential.at("/credentialSubject/achievement/resultDescription"))
                .singleElement()
                .satisfies(score -> {
                    assertThat(score.path("resultType").asText()).isEqualTo("RawScore");
                    assertThat(score.has("valueMax"))
                            .as("the assessment's maximum is not known")
                            .isFalse();
                });
        assertThat(credential.at("/credentialSubject/result"))
                .singleElement()
                .satisfies(result -> assertThat(result.path("value").asText()).isEqualTo("42"));
    }

    @Test
    void aGradedCredentialIsSignedWithItsScoreAndAChangedScoreFailsVerification() throws Exception {
        SecuredCredential credential =
                credentials.of(OpenBadgeCredentialsTest.graded(definition("sql-analytics"), SCALED));
        String nquads = canonical.nquads(jakarta(credential.document()));
        ObjectNode tampered = (ObjectNode) json.readTree(credential.dataIntegrity());
        ((ObjectNode) tampered.at("/credentialSubject/result/1")).put("value", "0.99");

        assertThat(nquads)
                .as("the score and its type are signed, not dropped")
                .contains("<https://schema.org/value> \"0.92\"")
                .contains("<https://purl.imsglobal.org/spec/vc/ob/vocab.html#resultType>");
        assertThat(verifier.verifiesDataIntegrity(credential.dataIntegrity())).isTrue();
        assertThat(json.readTree(verifier.verifiedJwsPayload(credential.jwt()))
                        .at("/credentialSubject/result/1/value")
                        .asText())
                .isEqualTo("0.92");
        assertThat(verifier.verifiesDataIntegrity(tampered.toString())).isFalse();
    }

    @Test
    void aChangedEuElementFailsVerification() throws Exception {
        SecuredCredential credential =
                credentials.of(OpenBadgeCredentialsTest.award(definition("sql-analytics"), "alice", null));
        com.fasterxml.jackson.databind.node.ObjectNode tampered =
                (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(credential.dataIntegrity());
        ((com.fasterxml.jackson.databind.node.ObjectNode) tampered.at("/credentialSubject/achievement"))
                .put("eqfLevel", 6);

        assertThat(verifier.verifiesDataIntegrity(credential.dataIntegrity())).isTrue();
        assertThat(verifier.verifiesDataIntegrity(tampered.toString())).isFalse();
    }

    @Test
    void aDefinitionWithNoOptionalFieldWritesNoEmptyOrNullFieldAndNoExtensionContext() throws Exception {
        JsonNode credential = document(definition("bare-badge"));
        JsonNode achievement = credential.at("/credentialSubject/achievement");

        assertThat(fieldNames(achievement))
                .containsExactly("id", "type", "achievementType", "name", "description", "criteria", "version");
        assertThat(fieldNames(credential.path("credentialSubject")))
                .containsExactly("identifier", "type", "achievement");
        assertThat(fieldNames(credential.path("issuer"))).doesNotContain("address");
        assertThat(credential.has("validUntil")).isFalse();
        assertThat(credential.path("@context"))
                .extracting(JsonNode::asText)
                .containsExactly(OpenBadgeCredentials.VC_CONTEXT, OpenBadgeCredentials.OB_CONTEXT);
        assertThat(emptyOrNull(credential, "")).isEmpty();
    }

    @Test
    void aFullDefinitionWritesNoEmptyOrNullFieldEither() throws Exception {
        assertThat(emptyOrNull(document(definition("sql-analytics")), "")).isEmpty();
    }

    @Test
    void validUntilIsTheExpiryOfAnAwardValidForAPeriodFromWhenItWasEarned() throws Exception {
        JsonNode credential = document(definition("sql-analytics"));

        assertThat(credential.path("validFrom").asText()).isEqualTo(OpenBadgeCredentialsTest.AWARDED.toString());
        assertThat(Instant.parse(credential.path("validUntil").asText()))
                .isEqualTo(Instant.parse("2028-05-21T09:59:00Z"));
    }

    @Test
    void validUntilIsTheExpiryOfAnAwardValidForADurationFromWhenItWasEarned() throws Exception {
        JsonNode credential = document(Definitions.withValidity(definition("bare-badge"), new Validity("PT12H", null)));

        assertThat(Instant.parse(credential.path("validUntil").asText()))
                .isEqualTo(OpenBadgeCredentialsTest.EARNED.plusSeconds(12 * 3600));
    }

    @Test
    void validUntilIsTheFixedDateOfAnAwardValidUntilADate() throws Exception {
        Instant fixed = Instant.parse("2027-06-30T00:00:00Z");
        JsonNode credential = document(Definitions.withValidity(definition("bare-badge"), new Validity(null, fixed)));

        assertThat(Instant.parse(credential.path("validUntil").asText())).isEqualTo(fixed);
    }

    @Test
    void anAwardChangeWrittenBeforeTheDefinitionsContentTravelledStillMakesAValidCredential() throws Exception {
        AwardChange award = OpenBadgeCredentialsTest.award(definition("sql-analytics"), "alice", null);
        com.fasterxml.jackson.databind.node.ObjectNode old =
                (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(award.toJson());
        old.remove(List.of("recognition", "expiresAt"));

        JsonNode credential = json.readTree(
                credentials.of(AwardChange.fromJson(old.toString())).document());

        assertThat(credential.at("/credentialSubject/achievement/name").asText())
                .isEqualTo("SQL Analytics");
        assertThat(credential.at("/credentialSubject/achievement").has("alignment"))
                .isFalse();
        assertThat(credential.has("validUntil")).isFalse();
        assertThat(canonical.expand(jakarta(credential.toString()))).isNotEmpty();
    }

    private CredentialDefinition definition(String id) {
        return catalog.stream()
                .filter(definition -> definition.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private JsonNode document(CredentialDefinition definition) throws Exception {
        return json.readTree(credentials
                .of(OpenBadgeCredentialsTest.award(definition, "alice", null))
                .document());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The paths of every null, empty text, empty array or empty object in {@code node}. */
    private static List<String> emptyOrNull(JsonNode node, String path) {
        List<String> found = new ArrayList<>();
        if (node.isNull()
                || (node.isTextual() && node.asText().isBlank())
                || (node.isContainerNode() && node.isEmpty())) {
            found.add(path);
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                found.addAll(emptyOrNull(field.getValue(), path + "/" + field.getKey()));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                found.addAll(emptyOrNull(node.get(i), path + "/" + i));
            }
        }
        return found;
    }

    private static JsonObject jakarta(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
