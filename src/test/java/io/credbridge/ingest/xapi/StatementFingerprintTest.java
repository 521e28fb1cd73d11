package io.credbridge.ingest.xapi;

import static io.credbridge.ingest.xapi.Statements.valid;
import static io.credbridge.ingest.xapi.Statements.with;
import static io.credbridge.ingest.xapi.Statements.without;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatementFingerprintTest {

    private static final String VALID = StatementFingerprint.of(valid());

    @Test
    void isTheHexSha256OfTheStatement() {
        assertThat(VALID).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void ignoresKeyOrderAndWhitespace() {
        ObjectNode reordered = (ObjectNode) Statements.parse("""
                {"timestamp": "2020-07-15T06:36:01.917775+00:00",
                 "context": {"contextActivities": {"parent": [{"id": "https://lms.example.edu/programs/7"}]},
                             "language": "en-US", "registration": "ec531277-b57b-4c15-8d91-d292c5b2b8f7"},
                 "result": {"duration": "PT1H30M", "completion": true, "success": true,
                            "score": {"max": 100, "min": 0, "raw": 90, "scaled": 0.9}},
                 "object": {"definition": {"type": "http://adlnet.gov/expapi/activities/course",
                                           "name": {"en-US": "Course 101"}},
                            "id": "https://lms.example.edu/courses/101", "objectType": "Activity"},
                 "verb": {"display": {"en-US": "completed"}, "id": "http://adlnet.gov/expapi/verbs/completed"},
                 "actor": {"mbox": "mailto:ada@example.edu", "name": "Ada Lovelace", "objectType": "Agent"}}
                """);

        assertThat(StatementFingerprint.of(reordered)).isEqualTo(VALID);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            id set by an LRS          | /id                                  | "e05aa883-acaf-40ad-bf54-02c8ce485fb0"
            stored set by an LRS      | /stored                              | "2024-01-01T00:00:00Z"
            authority set by an LRS   | /authority                           | {"mbox": "mailto:lrs@example.com"}
            version set by an LRS     | /version                             | "1.0.3"
            timestamp in another zone | /timestamp                           | "2020-07-15T08:36:01.917775+02:00"
            one context activity      | /context/contextActivities/parent    | {"id": "https://lms.example.edu/programs/7"}
            registration in capitals  | /context/registration                | "EC531277-B57B-4C15-8D91-D292C5B2B8F7"
            """)
    void staysTheSameForWhatXapiDoesNotCountAsADifference(String what, String pointer, String value) {
        assertThat(StatementFingerprint.of(with(valid(), pointer, value))).isEqualTo(VALID);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            another score             | /result/score/scaled                 | 0.91
            another learner           | /actor/mbox                          | "mailto:bob@example.edu"
            another verb              | /verb/id                             | "http://adlnet.gov/expapi/verbs/passed"
            another instant           | /timestamp                           | "2020-07-15T06:36:01.918Z"
            another display           | /verb/display/en-US                  | "finished"
            """)
    void changesWithWhatTheStatementSays(String what, String pointer, String value) {
        assertThat(StatementFingerprint.of(with(valid(), pointer, value))).isNotEqualTo(VALID);
    }

    @Test
    void changesWhenAPartIsLeftOut() {
        assertThat(StatementFingerprint.of(without(valid(), "/result"))).isNotEqualTo(VALID);
    }

    @Test
    void leavesTheStatementItIsGivenUntouched() {
        ObjectNode statement = with(valid(), "/context/contextActivities/parent", "{\"id\": \"https://x.example/p\"}");
        String before = statement.toString();

        StatementFingerprint.of(statement);

        assertThat(statement.toString()).isEqualTo(before);
    }
}
