package io.credbridge.badge;

import static org.assertj.core.api.Assertions.assertThat;

import io.credbridge.avro.BadgeIssuance;
import io.credbridge.avro.Competency;
import io.credbridge.avro.CredentialSummary;
import io.credbridge.avro.Grade;
import io.credbridge.award.AwardChange;
import io.credbridge.award.GradeAchieved;
import io.credbridge.catalog.AttemptRule;
import io.credbridge.catalog.CredentialDefinition;
import io.credbridge.catalog.DemoCatalog;
import io.credbridge.catalog.ScoreScale;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The typed fields a CRM reads off a BadgeIssuance record without parsing the credential. */
class IssuanceMappingTest {

    private final List<CredentialDefinition> catalog = DemoCatalog.load("classpath:catalog-recognition/*.yaml");
    private final SecuredCredential credential =
            TestIssuers.securedCredentials().of(BadgeIssuancesTest.outboxEventAward());

    @Test
    void theDefinitionsLevelCreditsAndCompetenciesAreTypedFields() {
        CredentialSummary summary =
                IssuanceMapping.summaryOf(OpenBadgeCredentialsTest.award(definition("sql-analytics"), "alice", "S1"));

        assertThat(summary.getId()).isEqualTo("sql-analytics");
        assertThat(summary.getVersion()).isEqualTo(3);
        assertThat(summary.getKind()).isEqualTo("certification");
        assertThat(summary.getLevel()).isEqualTo("Intermediate (EQF 5)");
        assertThat(summary.getEqfLevel()).isEqualTo(5);
        assertThat(summary.getCreditHours()).isEqualTo(1.5);
        assertThat(summary.getEcts()).isEqualTo(2.5);
        assertThat(summary.getCompetencies())
                .containsExactly(
                        new Competency(
                                "https://case.example.edu/uri/9d3a2f1e-sql-joins",
                                "join relational tables",
                                "Example University CASE framework",
                                "SQL.1"),
                        summary.getCompetencies().get(1));
        assertThat(summary.getCompetencies().get(1).getFramework()).isNull();
        assertThat(summary.getCompetencies().get(1).getCode()).isNull();
    }

    @Test
    void aDefinitionWithoutThemLeavesThemNullOrEmpty() {
        CredentialSummary summary =
                IssuanceMapping.summaryOf(OpenBadgeCredentialsTest.award(definition("bare-badge"), "alice", null));

        assertThat(summary.getLevel()).isNull();
        assertThat(summary.getEqfLevel()).isNull();
        assertThat(summary.getCreditHours()).isNull();
        assertThat(summary.getEcts()).isNull();
        assertThat(summary.getCompetencies()).isEmpty();
    }

    @Test
    void theLearnersEmailGoesOutOnlyWhenConfigured() {
        AwardChange award = OpenBadgeCredentialsTest.award(definition("bare-badge"), "mailto:Alice@Example.edu", "S1");

        assertThat(new IssuanceMapping(false).learnerOf(award).getEmail()).isNull();
        assertThat(new IssuanceMapping(true).learnerOf(award).getEmail()).isEqualTo("Alice@Example.edu");
        assertThat(new IssuanceMapping(true).learnerOf(award).getInstitutionalId())
                .isEqualTo("mailto:Alice@Example.edu");
        assertThat(new IssuanceMapping(true).learnerOf(award).getSisPersonId()).isEqualTo("S1");
    }

    @Test
    void aLearnerKnownByAnAccountHasNoEmailEvenWhenConfigured() {
        AwardChange award = OpenBadgeCredentialsTest.award(definition("bare-badge"), "alice", null);

        assertThat(new IssuanceMapping(true).learnerOf(award).getEmail()).isNull();
        assertThat(new IssuanceMapping(true).learnerOf(award).getInstitutionalId())
                .isEqualTo("alice");
        assertThat(new IssuanceMapping(true).learnerOf(award).getSisPersonId()).isNull();
    }

    @Test
    void theGradeAchievedIsATypedFieldAndNullWithoutOne() throws IOException {
        GradeAchieved grade =
                new GradeAchieved(0.92, ScoreScale.SCALED, "https://lms.example.edu/exam", AttemptRule.LATEST);
        BadgeIssuance graded = roundTrip(new IssuanceMapping(false)
                .of("event-1", OpenBadgeCredentialsTest.graded(definition("bare-badge"), grade), credential));
        BadgeIssuance ungraded = roundTrip(new IssuanceMapping(false)
                .of("event-2", OpenBadgeCredentialsTest.award(definition("bare-badge"), "alice", null), credential));

        assertThat(graded.getGradeAchieved())
                .isEqualTo(new Grade(0.92, "scaled", "https://lms.example.edu/exam", "latest"));
        assertThat(ungraded.getGradeAchieved()).isNull();
        assertThat(ungraded.getLearner().getInstitutionalId()).isEqualTo("alice");
    }

    private static BadgeIssuance roundTrip(BadgeIssuance issuance) throws IOException {
        return BadgeIssuance.getDecoder()
                .decode(BadgeIssuance.getEncoder().encode(issuance).array());
    }

    private CredentialDefinition definition(String id) {
        return catalog.stream()
                .filter(definition -> definition.id().equals(id))
                .findFirst()
                .orElseThrow();
    }
}
