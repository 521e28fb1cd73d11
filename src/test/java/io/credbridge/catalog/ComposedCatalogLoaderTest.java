package io.credbridge.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComposedCatalogLoaderTest extends CatalogFilesTestBase {

    @Test
    void readsGroupsStackingAndEveryRequirementKind() throws IOException {
        write("badge.yaml", definition("badge", """
                  - type: course-completed
                    course: %s
                """.formatted(C1)));
        write("certificate.yaml", definition("certificate", """
                  - type: credential-held
                    credential: badge
                  - type: any-of
                    criteria:
                      - type: assessment-passed
                        assessment: %s
                      - type: assessment-score
                        assessment: %s
                        operator: ">"
                        minScore: 0.9
                  - type: at-least
                    count: 1
                    criteria:
                      - type: all-of
                        criteria:
                          - type: course-completed
                            course: %s
                """.formatted(EXAM, EXAM, C2)));

        CredentialCatalog catalog = load();

        assertThat(catalog.find("certificate").orElseThrow().criteria())
                .containsExactly(
                        new CredentialHeld("badge"),
                        new AnyOf(List.of(
                                new AssessmentPassed(EXAM), new AssessmentScore(EXAM, 0.9, ScoreOperator.ABOVE))),
                        new AtLeast(1, List.of(new AllOf(List.of(new CourseCompleted(C2))))));
        assertThat(catalog.credentialsStackedOn("badge"))
                .extracting(CredentialDefinition::id)
                .containsExactly("certificate");
        assertThat(catalog.credentialsListeningTo(C2))
                .extracting(CredentialDefinition::id)
                .containsExactly("certificate");
    }

    @Test
    void namesEveryCycleOfStackedCredentials() throws IOException {
        write("a.yaml", definition("a", held("b")));
        write("b.yaml", definition("b", held("c")));
        write("c.yaml", definition("c", held("a")));
        write("d.yaml", definition("d", held("d")));

        assertThatThrownBy(this::load)
                .isInstanceOfSatisfying(
                        InvalidCatalogException.class,
                        e -> assertThat(e.problems()).hasSize(2))
                .hasMessageContaining("a.yaml: credential 'a': credentials stack on each other in a cycle, so none"
                        + " of them can be earned: a -> b -> c -> a")
                .hasMessageContaining("d.yaml: credential 'd': credentials stack on each other in a cycle, so none"
                        + " of them can be earned: d -> d");
    }

    @Test
    void namesTheFieldOfAReferenceToAnUnknownCredential() throws IOException {
        write("cert.yaml", definition("cert", """
                  - type: any-of
                    criteria:
                      - type: course-completed
                        course: %s
                      - type: credential-held
                        credential: nope
                """.formatted(C1)));

        assertThatThrownBy(this::load)
                .hasMessageContaining("cert.yaml: credential 'cert': field 'criteria[0].criteria[1].credential' names"
                        + " no credential in the catalog (was 'nope')");
    }

    @Test
    void aReferenceToADefinitionWithItsOwnProblemIsNotAlsoReportedAsUnknown() throws IOException {
        write("broken.yaml", definition("broken", held("cert")).replace("version: 1", "version: 0"));
        write("cert.yaml", definition("cert", held("broken")));

        assertThatThrownBy(this::load)
                .isInstanceOfSatisfying(
                        InvalidCatalogException.class,
                        e -> assertThat(e.problems())
                                .singleElement()
                                .asString()
                                .contains("broken.yaml: credential 'broken': field 'version'"));
    }

    @Test
    void refusesAnAtLeastThatAsksForMoreCriteriaThanItLists() throws IOException {
        write("cert.yaml", definition("cert", """
                  - type: at-least
                    count: 3
                    criteria:
                      - type: course-completed
                        course: %s
                      - type: course-completed
                        course: %s
                """.formatted(C1, C2)));

        assertThatThrownBy(this::load)
                .hasMessageContaining(
                        "cert.yaml: credential 'cert': field 'criteria[0].count' asks for 3 criteria but lists only 2");
    }

    @Test
    void refusesAnOperatorItDoesNotKnowSayingWhichItDoes() throws IOException {
        write("cert.yaml", definition("cert", """
                  - type: assessment-score
                    assessment: %s
                    operator: "=<"
                    minScore: 0.5
                """.formatted(EXAM)));

        assertThatThrownBy(this::load)
                .hasMessageContaining("cert.yaml: field 'criteria[0].operator'")
                .hasMessageContaining("unknown operator '=<'; use one of >=, >, <=, <, ==");
    }

    @Test
    void refusesAnEmptyGroupNamingIt() throws IOException {
        write("cert.yaml", definition("cert", """
                  - type: any-of
                    criteria: []
                """));

        assertThatThrownBy(this::load)
                .hasMessageContaining(
                        "cert.yaml: credential 'cert': field 'criteria[0].criteria' must list at least one criterion");
    }

    @Test
    void readsAValidityAsAPeriodADurationOrAFixedInstant() throws IOException {
        write("years.yaml", definition("years", held("fixed")) + "validity:\n  expiresAfter: P2Y\n");
        write("hours.yaml", definition("hours", held("fixed")) + "validity:\n  expiresAfter: PT12H\n");
        write("fixed.yaml", definition("fixed", course(C1)) + "validity:\n  expiresAt: 2027-06-30T00:00:00Z\n");

        CredentialCatalog catalog = load();
        Instant earned = Instant.parse("2026-01-31T10:00:00Z");

        assertThat(catalog.find("years").orElseThrow().expiryFor(earned))
                .hasValue(Instant.parse("2028-01-31T10:00:00Z"));
        assertThat(catalog.find("hours").orElseThrow().expiryFor(earned))
                .hasValue(Instant.parse("2026-01-31T22:00:00Z"));
        assertThat(catalog.find("fixed").orElseThrow().expiryFor(earned))
                .hasValue(Instant.parse("2027-06-30T00:00:00Z"));
        assertThat(Definitions.badge("never", new CourseCompleted(C1)).expiryFor(earned))
                .isEmpty();
    }

    @Test
    void refusesAValidityThatIsUnreadableNegativeOrAmbiguous() throws IOException {
        write("a.yaml", definition("a", held("c")) + "validity:\n  expiresAfter: two years\n");
        write("b.yaml", definition("b", held("c")) + "validity:\n  expiresAfter: P-1Y\n");
        write(
                "c.yaml",
                definition("c", course(C1)) + "validity:\n  expiresAfter: P1Y\n  expiresAt: 2027-06-30T00:00:00Z\n");

        assertThatThrownBy(this::load)
                .isInstanceOfSatisfying(
                        InvalidCatalogException.class,
                        e -> assertThat(e.problems()).hasSize(3))
                .hasMessageContaining("a.yaml: credential 'a': field 'validity' expiresAfter must be a positive ISO"
                        + " 8601 period or duration such as P2Y, P90D or PT12H (was 'two years')")
                .hasMessageContaining("(was 'P-1Y')")
                .hasMessageContaining("c.yaml: credential 'c': field 'validity' must give either expiresAfter");
    }

    private static String course(String course) {
        return "  - type: course-completed\n    course: " + course + "\n";
    }

    @Test
    void readsTheRecognitionElementsOfADefinition() throws IOException {
        write("cert.yaml", definition("cert", course(C1)).replace("kind: certificate", "kind: certification") + """
                level: Intermediate (EQF 5)
                competencies:
                  - targetUrl: https://skills.example.edu/sql
                    targetName: SQL
                    targetFramework: Example skills
                    targetCode: SK-1
                credit:
                  ects: 2.5
                  sisCode: CERT-1
                  gradeMode: pass/fail
                euMicroCredential:
                  learningOutcomes: [Writes SQL.]
                  workload: {hours: 60, ects: 2.5}
                  eqfLevel: 5
                  assessmentType: proctored exam
                  participation: blended
                  qualityAssurance: internal QA
                  awardingBodyCountry: NL
                """);

        CredentialCatalog catalog = load();
        CredentialDefinition cert = catalog.find("cert").orElseThrow();

        assertThat(cert.kind()).isEqualTo(CredentialKind.CERTIFICATION);
        assertThat(cert.level()).isEqualTo("Intermediate (EQF 5)");
        assertThat(cert.competencies())
                .containsExactly(
                        new Alignment("https://skills.example.edu/sql", "SQL", "Example skills", "SK-1", null));
        assertThat(cert.credit().ects()).isEqualByComparingTo("2.5");
        assertThat(cert.euMicroCredential().participation()).isEqualTo(EuMicroCredential.Participation.BLENDED);
        assertThat(cert.missingEuMandatoryElements()).isEmpty();
        assertThat(catalog.warnings()).isEmpty();
    }

    @Test
    void readsTheBadgeDescriptionsFieldOfStudyImageAndAlignmentTargetType() throws IOException {
        write("cert.yaml", definition("cert", course(C1)) + """
                fieldOfStudy: Information and Communication Technologies
                image: https://credentials.example.edu/badges/cert.png
                competencies:
                  - targetUrl: https://case.example.edu/uri/sql-1
                    targetName: SQL
                    targetType: CFItem
                """);

        CredentialDefinition cert = load().find("cert").orElseThrow();

        assertThat(cert.fieldOfStudy()).isEqualTo("Information and Communication Technologies");
        assertThat(cert.image()).isEqualTo("https://credentials.example.edu/badges/cert.png");
        assertThat(cert.competencies().get(0).targetType()).isEqualTo("CFItem");
        assertThat(cert.recognition().competencies()).isEqualTo(cert.competencies());
    }

    @Test
    void refusesAnAlignmentTargetTypeOpenBadgesDoesNotKnowAndARelativeImage() throws IOException {
        write("cert.yaml", definition("cert", course(C1)) + """
                image: badges/cert.png
                competencies:
                  - targetUrl: https://case.example.edu/uri/sql-1
                    targetName: SQL
                    targetType: Skill
                """);

        assertThatThrownBy(this::load)
                .hasMessageContaining("cert.yaml: credential 'cert': field 'competencies[0].targetType' must be one of"
                        + " ceasn:Competency")
                .hasMessageContaining("or an extension such as ext:Skill")
                .hasMessageContaining("field 'image' must be the absolute URL of the badge image");
    }

    @Test
    void warnsButLoadsWhenEuMandatoryElementsAreMissingSayingWhich() throws IOException {
        write("partial.yaml", definition("partial", course(C1)) + """
                euMicroCredential:
                  learningOutcomes: [Writes SQL.]
                  eqfLevel: 5
                  participation: online
                """);
        write("bare.yaml", definition("bare", course(C2)));

        CredentialCatalog catalog = load();

        assertThat(catalog.find("partial")).isPresent();
        assertThat(catalog.warnings())
                .anySatisfy(warning -> assertThat(warning)
                        .contains("partial.yaml: credential 'partial' lacks the elements the EU Council Recommendation")
                        .endsWith("workload, assessmentType, qualityAssurance, awardingBodyCountry"))
                .anySatisfy(warning -> assertThat(warning)
                        .contains("bare.yaml")
                        .contains("learningOutcomes, workload, eqfLevel or qfEheaLevel"));
    }

    @Test
    void refusesRecognitionElementsOutOfRangeNamingEachField() throws IOException {
        write("cert.yaml", definition("cert", course(C1)) + """
                competencies:
                  - targetUrl: not-a-url
                    targetName: SQL
                euMicroCredential:
                  eqfLevel: 9
                  awardingBodyCountry: nld
                """);

        assertThatThrownBy(this::load)
                .hasMessageContaining("field 'competencies[0].targetUrl'")
                .hasMessageContaining("field 'euMicroCredential.eqfLevel' must be an EQF level from 1 to 8")
                .hasMessageContaining("field 'euMicroCredential.awardingBodyCountry' must be an ISO 3166-1 alpha-2");
    }

    @Test
    void aRetiredCredentialIsKnownButNothingLeadsToItAnyMore() throws IOException {
        write("old.yaml", definition("old", course(C1)) + "retired: true\n");
        write("stacked.yaml", definition("stacked", held("old")) + "retired: true\n");

        CredentialCatalog catalog = load();

        assertThat(catalog.find("old")).isPresent();
        assertThat(catalog.credentialsListeningTo(C1)).isEmpty();
        assertThat(catalog.credentialsStackedOn("old")).isEmpty();
    }

    @Test
    void readsACourseListAsAnyOfItsCoursesAtAnyDepth() throws IOException {
        write("any-course.yaml", definition("any-course", """
                  - type: course-completed
                    courses: [%s, %s]
                  - type: all-of
                    criteria:
                      - type: course-completed
                        courses: [%s]
                """.formatted(C1, C2, C1)));

        CredentialCatalog catalog = load();

        assertThat(catalog.find("any-course").orElseThrow().criteria())
                .containsExactly(
                        new AnyOf(List.of(new CourseCompleted(C1), new CourseCompleted(C2))),
                        new AllOf(List.of(new AnyOf(List.of(new CourseCompleted(C1))))));
        assertThat(catalog.credentialsListeningTo(C2))
                .extracting(CredentialDefinition::id)
                .containsExactly("any-course");
    }

    @Test
    void aCourseListBesideASingleCourseIsReportedAsAnUnexpectedField() throws IOException {
        write("both.yaml", definition("both", """
                  - type: course-completed
                    course: %s
                    courses: [%s]
                """.formatted(C1, C2)));

        assertThatThrownBy(this::load)
                .hasMessageContaining("both.yaml: field 'criteria[0].courses'")
                // Jackson reads a record's fields before it builds it, so it reports the end of the node.
                .hasMessageContaining("(line 12");
    }

    @Test
    void aChangedDefinitionIsANewVersionThatNewAwardsFollowWhileOldOnesKeepTheirs() throws IOException {
        write("v1.yaml", definition("cert", course(C1)));
        write("v2.yaml", definition("cert", course(C2)).replace("version: 1", "version: 2"));

        CredentialCatalog catalog = load();

        assertThat(catalog.find("cert").orElseThrow().version()).isEqualTo(2);
        assertThat(catalog.find("cert", 1).orElseThrow().criteria()).containsExactly(new CourseCompleted(C1));
        assertThat(catalog.credentialsListeningTo(C1))
                .as("version 1 earns nothing new")
                .isEmpty();
        assertThat(catalog.credentialsListeningTo(C2))
                .extracting(CredentialDefinition::version)
                .containsExactly(2);
        assertThat(catalog.definitions()).extracting(CredentialDefinition::id).containsExactly("cert");
    }

    @Test
    void aMistypedFieldBesideACourseListIsNamed() throws IOException {
        write("typo.yaml", definition("typo", """
                  - type: course-completed
                    courses: [%s]
                    minScroe: 1
                """.formatted(C1)));

        assertThatThrownBy(this::load).hasMessageContaining("typo.yaml: field 'criteria[0].minScroe'");
    }

    private static String held(String credential) {
        return """
                  - type: credential-held
                    credential: %s
                """.formatted(credential);
    }
}
