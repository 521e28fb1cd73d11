package io.credbridge.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CredentialCatalogLoaderTest extends CatalogFilesTestBase {

    @Test
    void loadsTheBundledDemoCatalog() {
        CredentialCatalog catalog = loader.load(List.of("classpath:demo/catalog/*.yaml"));

        assertThat(catalog.definitions())
                .extracting(CredentialDefinition::id)
                .containsExactlyInAnyOrder("data-analysis-fundamentals", "sql-proficiency", "applied-data-analysis");
        assertThat(catalog.find("sql-proficiency").orElseThrow().criteria())
                .containsExactly(new AnyOf(List.of(
                        new AssessmentScore("https://lms.demo.credbridge.io/assessments/sql-final-exam", 0.8),
                        new AssessmentPassed("https://lms.demo.credbridge.io/assessments/sql-final-exam-retake"))));
        assertThat(catalog.credentialsStackedOn("sql-proficiency"))
                .extracting(CredentialDefinition::id)
                .containsExactly("applied-data-analysis");
    }

    @Test
    void namesTheFileTheDefinitionAndTheFieldOfAThresholdOutOfRange() throws IOException {
        write("bad.yaml", valid("sql-cert").replace("minScore: 0.8", "minScore: 1.5"));

        assertThatThrownBy(() -> load())
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessageContaining("bad.yaml: credential 'sql-cert': field 'criteria[0].minScore' must be a scaled"
                        + " score between 0 and 1 (was '1.5')");
    }

    @Test
    void rejectsAnUnknownFieldNamingItsPath() throws IOException {
        write("typo.yaml", valid("typo").replace("minScore: 0.8", "minScore: 0.8\n    minScroe: 0.9"));

        assertThatThrownBy(() -> load())
                .hasMessageContaining("typo.yaml: field 'criteria[0].minScroe'")
                .hasMessageContaining("Unrecognized field \"minScroe\"");
    }

    @Test
    void rejectsAnUnknownRequirementType() throws IOException {
        write("type.yaml", valid("type").replace("type: assessment-score", "type: course-passed"));

        assertThatThrownBy(() -> load())
                .hasMessageContaining("type.yaml: field 'criteria[0]'")
                .hasMessageContaining("course-passed");
    }

    @Test
    void rejectsADefinitionWithoutCriteria() throws IOException {
        write("empty.yaml", valid("empty").substring(0, valid("empty").indexOf("criteria:")) + "criteria: []\n");

        assertThatThrownBy(() -> load())
                .hasMessageContaining(
                        "empty.yaml: credential 'empty': field 'criteria' must list at least one criterion");
    }

    @Test
    void rejectsARelativeCourseIdentifier() throws IOException {
        write("relative.yaml", """
                id: relative
                version: 1
                name: Relative
                kind: badge
                issuer: {id: "https://example.edu", name: Example}
                criteria:
                  - type: course-completed
                    course: courses/101
                """);

        assertThatThrownBy(() -> load()).hasMessageContaining("field 'criteria[0].course' must be an absolute IRI");
    }

    @Test
    void rejectsAnUnknownKind() throws IOException {
        write("kind.yaml", valid("kind").replace("kind: certificate", "kind: diploma"));

        assertThatThrownBy(() -> load())
                .hasMessageContaining("kind.yaml: field 'kind'")
                .hasMessageContaining("kind must be one of [badge, certificate, certification], was 'diploma'");
    }

    @Test
    void readsTheTranscriptPolicyAndWritesEveryAwardToTheTranscriptWhenItIsNotGiven() throws IOException {
        write("reviewed.yaml", valid("reviewed") + "transcript: review\n");
        write("plain.yaml", valid("plain"));

        CredentialCatalog catalog = load();

        assertThat(catalog.find("reviewed").orElseThrow().transcript()).isEqualTo(TranscriptPolicy.REVIEW);
        assertThat(catalog.find("plain").orElseThrow().transcript()).isEqualTo(TranscriptPolicy.AUTO);
    }

    @Test
    void rejectsAnUnknownTranscriptPolicyNamingTheFileAndField() throws IOException {
        write("policy.yaml", valid("policy") + "transcript: sometimes\n");

        assertThatThrownBy(() -> load())
                .hasMessageContaining("policy.yaml: field 'transcript'")
                .hasMessageContaining("transcript must be auto, review or never, was 'sometimes'");
    }

    @Test
    void rejectsTheSameIdInTwoFiles() throws IOException {
        write("a.yaml", valid("twice"));
        write("b.yaml", valid("twice"));

        assertThatThrownBy(() -> load())
                .hasMessageContaining("b.yaml: credential 'twice': version 1 is already defined in")
                .hasMessageContaining("a.yaml");
    }

    @Test
    void reportsEveryProblemAtOnce() throws IOException {
        write("one.yaml", valid("one").replace("version: 1", "version: 0"));
        write("two.yaml", valid("two").replace("name: Two", "name: \"\""));

        assertThatThrownBy(() -> load())
                .isInstanceOfSatisfying(
                        InvalidCatalogException.class,
                        e -> assertThat(e.problems()).hasSize(2))
                .hasMessageContaining("one.yaml: credential 'one': field 'version' must be greater than 0")
                .hasMessageContaining("two.yaml: credential 'two': field 'name' must not be blank");
    }

    @Test
    void refusesAnEmptyCatalogSayingWhichPropertyToSet() {
        assertThatThrownBy(() -> load())
                .hasMessageContaining("no credential definitions found")
                .hasMessageContaining("credbridge.catalog.locations");
    }

    private static String valid(String id) {
        return definition(id, Character.toUpperCase(id.charAt(0)) + id.substring(1), """
                  - type: assessment-score
                    assessment: https://lms.example.edu/assessments/final
                    minScore: 0.8
                """);
    }
}
