package io.credbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PersonalDataTest {

    @Test
    void anAddressBecomesAPseudonymWhereverItStandsInTheText() {
        String masked = PersonalData.mask(
                "Value too long for column \"learner_id\": 'zoe.privacy@example.edu' (from mailto:Zoe.Privacy@Example.EDU)");

        assertThat(masked)
                .doesNotContainIgnoringCase("zoe.privacy")
                .doesNotContainIgnoringCase("mailto:")
                .startsWith("Value too long for column \"learner_id\": '<e-mail ")
                .matches(".*'<e-mail [0-9a-f]{8}>' \\(from <e-mail [0-9a-f]{8}>\\)");
    }

    @Test
    void theSameAddressGetsTheSamePseudonymWithinARunAndAnotherAddressAnother() {
        String first = PersonalData.mask("a.learner@example.edu");

        assertThat(PersonalData.mask("mailto:A.Learner@EXAMPLE.edu")).isEqualTo(first);
        assertThat(PersonalData.mask("another.learner@example.edu")).isNotEqualTo(first);
    }

    @Test
    void anAddressCutShortInsideItsDomainIsStillHidden() {
        assertThat(PersonalData.mask("column learner_id: \"'zoe.privacy@dddddddddddd... (274)\""))
                .matches("column learner_id: \"'<e-mail [0-9a-f]{8}>\\.\\.\\. \\(274\\)\"");
        assertThat(PersonalData.mask("From: operator@localhost")).doesNotContain("operator");
    }

    @Test
    void textFromOutsideHidesTheIdsOfTheLearnersItIsAboutWhereTheyStandAloneAndEveryAddress() {
        String masked = PersonalData.mask(
                "Student S4711042 (zoe.sis@example.edu, person P0012345) already holds award 47110423",
                List.of(LearnerRef.of("s4711042"), LearnerRef.of("P0012345"), LearnerRef.of(null)));

        assertThat(masked)
                .matches("Student <learner [0-9a-f]{8}> \\(<e-mail [0-9a-f]{8}>, person <learner [0-9a-f]{8}>\\)"
                        + " already holds award 47110423");
        assertThat(masked).startsWith("Student " + LearnerRef.of("s4711042"));
        assertThat(PersonalData.mask(null, List.of(LearnerRef.of("s4711042")))).isNull();
    }

    @Test
    void textWithoutAnAddressIsLeftAsItIs() {
        assertThat(PersonalData.mask("java.lang.Object@1a2b3c4d, Proxy$$SpringCGLIB$$0@7f3e, @Bean and 50% off"))
                .isEqualTo("java.lang.Object@1a2b3c4d, Proxy$$SpringCGLIB$$0@7f3e, @Bean and 50% off");
        assertThat(PersonalData.mask(null)).isNull();
    }
}
