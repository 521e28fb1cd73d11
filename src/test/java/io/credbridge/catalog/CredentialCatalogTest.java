package io.credbridge.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the award stage asks the catalog for every batch: which activities' facts judging an event can read. */
class CredentialCatalogTest {

    static final String COURSE = "https://lms.example.edu/courses/intro";
    static final String OTHER_BADGE_COURSE = "https://lms.example.edu/courses/other";
    static final String CAPSTONE = "https://lms.example.edu/courses/capstone";
    static final String DEFENCE = "https://lms.example.edu/assessments/defence";
    static final String ELSEWHERE = "https://lms.example.edu/courses/unrelated";

    /** Two badges, a certificate of both plus a capstone, and a certification on the certificate plus a defence. */
    static final CredentialCatalog CATALOG = CredentialCatalog.of(List.of(
            Definitions.badge("intro-badge", new CourseCompleted(COURSE)),
            Definitions.badge("other-badge", new CourseCompleted(OTHER_BADGE_COURSE)),
            Definitions.badge(
                    "certificate",
                    new CredentialHeld("intro-badge"),
                    new CredentialHeld("other-badge"),
                    new CourseCompleted(CAPSTONE)),
            Definitions.badge(
                    "certification",
                    new CredentialHeld("certificate"),
                    new AssessmentPassed(DEFENCE, null, null, null))));

    @Test
    void anEventsActivityReachesTheRequirementsOfEveryCredentialStackedOnItsOwnHoweverDeep() {
        assertThat(CATALOG.activitiesJudgedWith(COURSE)).containsExactlyInAnyOrder(COURSE, CAPSTONE, DEFENCE);
    }

    @Test
    void aStackedCredentialsOwnRequirementReachesWhatStacksOnItButNotTheBadgesItHolds() {
        assertThat(CATALOG.activitiesJudgedWith(CAPSTONE)).containsExactlyInAnyOrder(CAPSTONE, DEFENCE);
        assertThat(CATALOG.activitiesJudgedWith(DEFENCE)).containsExactly(DEFENCE);
    }

    @Test
    void anActivityNoCredentialNamesIsOnlyItself() {
        assertThat(CATALOG.activitiesJudgedWith(ELSEWHERE)).containsExactly(ELSEWHERE);
    }
}
