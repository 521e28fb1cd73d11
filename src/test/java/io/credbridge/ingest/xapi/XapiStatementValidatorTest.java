package io.credbridge.ingest.xapi;

import static io.credbridge.ingest.xapi.Statements.arrayOf;
import static io.credbridge.ingest.xapi.Statements.valid;
import static io.credbridge.ingest.xapi.Statements.with;
import static io.credbridge.ingest.xapi.Statements.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.credbridge.ingest.RejectedInputException;
import io.credbridge.ingest.RejectedInputException.Violation;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class XapiStatementValidatorTest {

    private final XapiStatementValidator validator = new XapiStatementValidator(XapiIngestProperties.defaults());

    @Test
    void acceptsAValidStatementAndReturnsIt() {
        List<ObjectNode> statements = validator.validate(valid().toString(), "1.0.3");

        assertThat(statements).singleElement().isEqualTo(valid());
    }

    @Test
    void acceptsAStatementUsingEveryPartOfTheSpec() {
        String everything = """
                {
                  "id": "6690e6c9-3ef0-4ed3-8b37-7f3964730bee",
                  "actor": {"objectType": "Group", "name": "Team PB", "member": [
                    {"account": {"homePage": "http://www.example.com", "name": "13936749"}},
                    {"openid": "http://toby.openid.example.org/", "objectType": "Agent"},
                    {"mbox_sha1sum": "ebd31e95054c018b10727ccffd2ef2ec3a016ee9"}]},
                  "verb": {"id": "http://adlnet.gov/expapi/verbs/answered", "display": {"en-US": "answered", "zh-Hant-TW": "回答"}},
                  "object": {"id": "http://example.com/quiz/q1", "definition": {
                    "name": {"en": "Q1"}, "description": {"en": "Pick one"},
                    "type": "http://adlnet.gov/expapi/activities/cmi.interaction",
                    "moreInfo": "https://example.com/q1", "interactionType": "choice",
                    "correctResponsesPattern": ["golf"],
                    "choices": [{"id": "golf", "description": {"en-US": "Golf"}}, {"id": "tetris"}],
                    "extensions": {"http://example.com/ext/difficulty": {"level": 3}}}},
                  "result": {"score": {"scaled": -0.5, "raw": -5, "min": -10, "max": 10}, "success": false,
                    "completion": true, "response": "tetris", "duration": "PT4H35M59.14S",
                    "extensions": {"http://example.com/ext/attempts": 2}},
                  "context": {"registration": "ec531277-b57b-4c15-8d91-d292c5b2b8f7",
                    "instructor": {"name": "Andrew", "account": {"homePage": "http://www.example.com", "name": "1"}},
                    "team": {"objectType": "Group", "mbox": "mailto:team@example.com"},
                    "contextActivities": {"parent": {"id": "http://example.com/quiz"},
                      "grouping": [{"id": "http://example.com/course", "objectType": "Activity"}],
                      "category": [], "other": [{"id": "urn:example:other"}]},
                    "revision": "2", "platform": "Quizzer", "language": "de-CH-1901",
                    "statement": {"objectType": "StatementRef", "id": "e05aa883-acaf-40ad-bf54-02c8ce485fb0"},
                    "extensions": {"http://example.com/ext/room": "Kilby"}},
                  "timestamp": "2013-05-18T05:32:34.804Z",
                  "stored": "2013-05-18T05:32:34.804+02:00",
                  "authority": {"objectType": "Agent", "account": {"homePage": "http://cloud.scorm.com/", "name": "anonymous"}},
                  "version": "1.0.3",
                  "attachments": [{"usageType": "http://adlnet.gov/expapi/attachments/signature",
                    "display": {"en-US": "Signature"}, "description": {"en-US": "A signature"},
                    "contentType": "application/octet-stream", "length": 4235,
                    "sha2": "672fa5fa658017f1b72d65036f13379c6ab05d4ab3b6664908d8acf0b6a0c634",
                    "fileUrl": "https://example.com/signature"}]
                }
                """;

        assertThatCode(() -> validator.validate(everything, "1.0.3")).doesNotThrowAnyException();
    }

    @Nested
    class Body {

        @Test
        void rejectsMalformedJsonNamingLineAndColumn() {
            RejectedInputException rejected =
                    rejection("{\n  \"actor\": {\n    \"mbox\" \"mailto:a@example.com\"\n  }\n}");

            assertThat(rejected.status()).isEqualTo(400);
            assertThat(rejected.title()).isEqualTo("Malformed JSON");
            assertThat(rejected.detail()).startsWith("The body is not valid JSON at line 3, column 12: ");
            assertThat(rejected.violations())
                    .singleElement()
                    .extracting(Violation::pointer)
                    .isEqualTo("");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
                trailing content     | {"a": 1} {"b": 2}                 | Trailing token
                a comment            | {"a": 1 /* note */}               | comment
                a repeated key       | {"actor": {}, "actor": {}}         | Duplicate field 'actor'
                a single quote       | {'a': 1}                           | Unexpected character (
                a raw line break     | RAW_LINE_BREAK                     | Illegal unquoted character
                NaN                  | {"a": NaN}                         | Non-standard token 'NaN'
                """)
        void rejectsJsonThatIsNotStrictRfc8259(String what, String body, String reason) {
            RejectedInputException rejected = rejection(body.replace("RAW_LINE_BREAK", "{\"a\": \"one\ntwo\"}"));

            assertThat(rejected.title()).isEqualTo("Malformed JSON");
            assertThat(rejected.detail()).contains("at line 1, column ").contains(reason);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   \n"})
        void rejectsAnEmptyBodyAsMalformedJson(String body) {
            RejectedInputException rejected = rejection(body);

            assertThat(rejected.title()).isEqualTo("Malformed JSON");
            assertThat(rejected.detail())
                    .isEqualTo("The body is not valid JSON at line 1, column 1: the body is empty");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                []      | an empty array
                "hello" | "hello"
                42      | 42
                null    | null
                """)
        void rejectsABodyThatIsNeitherAStatementNorANonEmptyArrayOfThem(String body, String found) {
            assertThat(rejection(body).violations())
                    .containsExactly(new Violation(
                            "",
                            "The body must be a Statement object or a non-empty array of Statement objects; found "
                                    + found));
        }

        @Test
        void rejectsAnArrayElementThatIsNotAnObject() {
            String body = "[" + valid() + ", \"not a statement\"]";

            assertThat(rejection(body).violations())
                    .containsExactly(new Violation("/1", "[1] must be a Statement object; found \"not a statement\""));
        }

        @Test
        void acceptsAnArrayOfStatementsInRequestOrder() {
            ObjectNode second = with(valid(), "/id", "\"1b8c7f4e-2a3d-4e5f-8a6b-7c8d9e0f1a2b\"");

            List<ObjectNode> statements = validator.validate(arrayOf(valid(), second), "1.0.3");

            assertThat(statements).containsExactly(valid(), second);
        }

        @Test
        void answers413WhenABatchHoldsMoreStatementsThanTheConfiguredMaximum() {
            XapiStatementValidator twoAtMost = new XapiStatementValidator(new XapiIngestProperties(2));
            ObjectNode noId = without(valid(), "/id");

            RejectedInputException rejected =
                    catchRejection(() -> twoAtMost.validate(arrayOf(noId, noId, noId), "1.0.3"));

            assertThat(rejected.status()).isEqualTo(413);
            assertThat(rejected.title()).isEqualTo("Too many statements");
            assertThat(rejected.detail())
                    .isEqualTo(
                            "The request holds 3 statements; at most 2 are accepted per request, so split it into smaller batches");
        }

        @Test
        void acceptsExactlyTheConfiguredMaximum() {
            XapiStatementValidator twoAtMost = new XapiStatementValidator(new XapiIngestProperties(2));
            ObjectNode noId = without(valid(), "/id");

            assertThat(twoAtMost.validate(arrayOf(noId, noId), "1.0.3")).hasSize(2);
        }

        @Test
        void rejectsAStatementIdUsedTwiceInOneBatch() {
            ObjectNode other = with(valid(), "/id", "\"0F8FAD5B-D9CB-469F-A165-70867728950E\"");

            assertThat(rejection(arrayOf(valid(), without(valid(), "/id"), other))
                            .violations())
                    .containsExactly(
                            new Violation(
                                    "/2/id",
                                    "id \"0F8FAD5B-D9CB-469F-A165-70867728950E\" of statement [2]"
                                            + " is already used by statement [0]; each statement in a request needs its own id"));
        }

        @Test
        void rejectsTheWholeBatchForOneBadStatementAndLocatesItByIndex() {
            ObjectNode bad = without(valid(), "/verb");
            bad.remove("id");

            RejectedInputException rejected = rejection(arrayOf(valid(), bad));

            assertThat(rejected.title()).isEqualTo("Invalid xAPI statements");
            assertThat(rejected.detail())
                    .isEqualTo("1 problem found; the whole request was rejected and nothing from it was published");
            assertThat(rejected.violations())
                    .containsExactly(new Violation("/1/verb", "verb is required in a Statement but is missing"));
        }
    }

    @Nested
    class Versions {

        @Test
        void rejectsARequestWithoutTheVersionHeaderSayingWhatToSend() {
            RejectedInputException rejected = catchRejection(() -> validator.validate(valid().toString(), null));

            assertThat(rejected.status()).isEqualTo(400);
            assertThat(rejected.title()).isEqualTo("Unsupported xAPI version");
            assertThat(rejected.detail())
                    .isEqualTo("The X-Experience-API-Version header is missing; send "
                            + "X-Experience-API-Version: 1.0.3 (or another 1.0.x or 2.0.x version)");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0.95", "1.1", "1.0.x", "2", "3.0.0", "1.0.3-beta", " "})
        void rejectsAVersionHeaderItDoesNotSupport(String header) {
            RejectedInputException rejected = catchRejection(() -> validator.validate(valid().toString(), header));

            assertThat(rejected.title()).isEqualTo("Unsupported xAPI version");
            assertThat(rejected.detail()).contains("send X-Experience-API-Version: 1.0.3");
        }

        @ParameterizedTest
        @ValueSource(strings = {"1.0", "1.0.0", "1.0.3", "2.0", "2.0.0"})
        void acceptsTheVersionHeadersOf10And20(String header) {
            assertThatCode(() -> validator.validate(valid().toString(), header)).doesNotThrowAnyException();
        }

        @ParameterizedTest
        @ValueSource(strings = {"0.9", "0.95", "1", "1.1", "1.1.0", "1.0.x", "1.0.", "1.0.3-beta", "3.0.0", ""})
        void rejectsAStatementVersionThatIsNot10Or20WithOrWithoutAPatch(String version) {
            assertRejectedAt(
                    with(valid(), "/version", "\"" + version + "\""),
                    "/version",
                    "version must be an xAPI version 1.0, 1.0.x, 2.0 or 2.0.x, such as 1.0.3; found \"" + version
                            + "\"");
        }

        @ParameterizedTest
        @ValueSource(strings = {"1.0", "1.0.0", "1.0.3", "1.0.99", "2.0", "2.0.0"})
        void acceptsAStatementVersionOf10Or10xOr20Or20x(String version) {
            assertAccepted(with(valid(), "/version", "\"" + version + "\""));
        }
    }

    @Nested
    class Properties {

        @Test
        void rejectsAPropertyXapiDoesNotDefineNamingTheOnesItDoes() {
            assertRejectedAt(
                    with(valid(), "/score", "1"),
                    "/score",
                    "score is not allowed in a Statement; xAPI "
                            + "defines only id, actor, verb, object, result, context, timestamp, stored, authority, version, attachments there");
        }

        @Test
        void escapesSlashesAndTildesInPointersAsRfc6901Says() {
            ObjectNode statement = valid();
            statement.put("http://example.com/x~y", 1);

            assertThat(violationsOf(statement))
                    .extracting(Violation::pointer)
                    .containsExactly("/http:~1~1example.com~1x~0y");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                /actor/nickname                        | actor.nickname is not allowed in an Agent
                /verb/label                            | verb.label is not allowed in a Verb
                /object/title                          | object.title is not allowed in an Activity
                /object/definition/colour              | object.definition.colour is not allowed in an Activity Definition
                /result/score/percent                  | result.score.percent is not allowed in a Score
                /result/grade                          | result.grade is not allowed in a Result
                /context/room                          | context.room is not allowed in a Context
                /context/contextActivities/sibling     | context.contextActivities.sibling is not allowed in a Context Activities
                /context/contextActivities/parent/0/x  | context.contextActivities.parent[0].x is not allowed in an Activity
                """)
        void rejectsUnknownPropertiesAtEveryLevel(String pointer, String message) {
            assertRejectedAt(with(valid(), pointer, "\"extra\""), pointer, message);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "/actor/name",
                    "/actor/objectType",
                    "/verb/display",
                    "/object/objectType",
                    "/result",
                    "/result/score/raw",
                    "/context/registration",
                    "/timestamp"
                })
        void rejectsNullValuesOutsideExtensions(String pointer) {
            assertThat(violationsOf(with(valid(), pointer, "null")))
                    .singleElement()
                    .satisfies(violation -> assertThat(violation.pointer()).isEqualTo(pointer))
                    .satisfies(violation -> assertThat(violation.message()).endsWith("; found null"));
        }

        @Test
        void acceptsNullValuesInsideExtensions() {
            assertAccepted(with(valid(), "/result/extensions", "{\"http://example.com/ext/note\": null}"));
        }

        @Test
        void acceptsAnyValueUnderAnExtensionKeyThatIsAnIri() {
            assertAccepted(with(
                    valid(),
                    "/object/definition/extensions",
                    "{\"http://example.com/ext/room\": {\"anything\": [1, {\"goes\": null}]}}"));
        }

        @Test
        void rejectsAnExtensionKeyThatIsNotAnIri() {
            assertRejectedAt(
                    with(valid(), "/result/extensions", "{\"room\": \"Kilby\"}"),
                    "/result/extensions/room",
                    "result.extensions key \"room\" must be an absolute IRI such as http://example.com/extensions/room");
        }

        @ParameterizedTest
        @ValueSource(strings = {"/actor", "/verb", "/object"})
        void rejectsAStatementWithoutOneOfItsRequiredParts(String pointer) {
            String name = pointer.substring(1);
            assertRejectedAt(without(valid(), pointer), pointer, name + " is required in a Statement but is missing");
        }

        @Test
        void rejectsAVerbWithoutId() {
            assertRejectedAt(without(valid(), "/verb/id"), "/verb/id", "verb.id is required in a Verb but is missing");
        }

        @Test
        void rejectsAPartThatIsNotAnObject() {
            assertRejectedAt(
                    with(valid(), "/result", "[]"), "/result", "result must be a Result object; found an empty array");
        }
    }

    @Nested
    class Identifiers {

        @Test
        void rejectsAStatementIdThatIsNotAUuid() {
            assertRejectedAt(
                    with(valid(), "/id", "\"statement-1\""),
                    "/id",
                    "id must be a UUID in standard string form",
                    "found \"statement-1\"");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "{0f8fad5b-d9cb-469f-a165-70867728950e}",
                    "0f8fad5bd9cb469fa16570867728950e",
                    "urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e",
                    "0f8fad5b-d9cb-469f-a165-70867728950",
                    ""
                })
        void rejectsAUuidThatIsNotInStandardStringForm(String id) {
            assertRejectedAt(
                    with(valid(), "/id", "\"" + id + "\""),
                    "/id",
                    "id must be a UUID in standard string form "
                            + "(8-4-4-4-12 hexadecimal digits), such as 0f8fad5b-d9cb-469f-a165-70867728950e; found \""
                            + id + "\"");
        }

        @Test
        void acceptsAUuidOfAnyVariantAsTheSpecsOwnExampleDoes() {
            // xAPI 1.0.3 section 4.4 only recommends RFC 4122 variant 2, and section 2.4's example id is variant 0.
            assertAccepted(with(valid(), "/id", "\"12345678-1234-5678-1234-567812345678\""));
        }

        @Test
        void rejectsARegistrationThatIsNotAUuid() {
            assertRejectedAt(
                    with(valid(), "/context/registration", "\"abc\""),
                    "/context/registration",
                    "context.registration must be a UUID");
        }

        @Test
        void rejectsAStatementRefWithoutId() {
            assertRejectedAt(
                    with(valid(), "/object", "{\"objectType\": \"StatementRef\"}"),
                    "/object/id",
                    "object.id is required in a StatementRef but is missing");
        }

        @Test
        void rejectsAStatementRefWhoseIdIsNotAUuid() {
            assertRejectedAt(
                    with(valid(), "/object", "{\"objectType\": \"StatementRef\", \"id\": \"http://x.y/1\"}"),
                    "/object/id",
                    "object.id must be a UUID");
        }
    }

    @Nested
    class Timestamps {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "2020-07-15T06:36:01.917775+00:00",
                    "2013-05-18T05:32:34.804Z",
                    "2013-05-18T05:32:34Z",
                    "2013-05-18T05:32:34+05:30",
                    "2016-12-31T23:59:60Z"
                })
        void acceptsIso8601DateTimesWithATimeZone(String timestamp) {
            assertAccepted(with(valid(), "/timestamp", "\"" + timestamp + "\""));
            assertAccepted(with(valid(), "/stored", "\"" + timestamp + "\""));
        }

        @Test
        void rejectsTheMinusZeroOffsetThatXapiForbids() {
            assertRejectedAt(
                    with(valid(), "/timestamp", "\"2020-07-15T06:36:01-00:00\""),
                    "/timestamp",
                    "timestamp must be an ISO 8601 date-time with a time zone (Z or an offset other than -00:00), "
                            + "such as 2020-07-15T06:36:01.917+00:00; found \"2020-07-15T06:36:01-00:00\"");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "2020-07-15T06:36:01",
                    "2020-07-15 06:36:01Z",
                    "2020-07-15",
                    "2020-02-30T00:00:00Z",
                    "2020-07-15t06:36:01z",
                    "yesterday",
                    "1594794961"
                })
        void rejectsTimestampsThatAreNotIso8601DateTimesWithATimeZone(String timestamp) {
            assertRejectedAt(
                    with(valid(), "/stored", "\"" + timestamp + "\""),
                    "/stored",
                    "stored must be an ISO 8601 date-time");
        }
    }

    @Nested
    class Durations {

        @ParameterizedTest
        @ValueSource(strings = {"PT1H0M0S", "PT4H35M59.14S", "P1W", "P1Y2M3DT4H5M6.5S", "P0.5D", "PT0,5S", "P3D"})
        void acceptsIso8601Durations(String duration) {
            assertAccepted(with(valid(), "/result/duration", "\"" + duration + "\""));
        }

        @ParameterizedTest
        @ValueSource(strings = {"PA1H0M0S", "P", "PT", "1H", "P1.5DT3H", "P1W2D", "-PT1H", "P1DT", "PT1H30"})
        void rejectsDurationsThatAreNotIso8601(String duration) {
            assertRejectedAt(
                    with(valid(), "/result/duration", "\"" + duration + "\""),
                    "/result/duration",
                    "result.duration must be an ISO 8601 duration such as PT1H30M or PT4H35M59.14S; found \"" + duration
                            + "\"");
        }
    }

    @Nested
    class Agents {

        @Test
        void rejectsAnAgentWithTwoIdentifiers() {
            assertRejectedAt(
                    with(valid(), "/actor/openid", "\"https://openid.example.com/ada\""),
                    "/actor",
                    "actor must have exactly one identifier (one of mbox, mbox_sha1sum, openid, account) to be an Agent;"
                            + " found 2 (mbox, openid)");
        }

        @Test
        void rejectsAnAgentWithoutIdentifier() {
            assertRejectedAt(
                    without(valid(), "/actor/mbox"), "/actor", "actor must have exactly one identifier", "found none");
        }

        @Test
        void rejectsAnMboxWithoutTheMailtoScheme() {
            assertRejectedAt(
                    with(valid(), "/actor/mbox", "\"ada@example.edu\""),
                    "/actor/mbox",
                    "actor.mbox must be a mailto IRI such as mailto:learner@example.com; found \"ada@example.edu\"");
        }

        @Test
        void rejectsAnMboxSha1sumThatIsNotFortyHexDigits() {
            ObjectNode statement = without(valid(), "/actor/mbox");
            assertRejectedAt(
                    with(statement, "/actor/mbox_sha1sum", "\"cd9b00a5611f94eaa7b1661edab97606\""),
                    "/actor/mbox_sha1sum",
                    "actor.mbox_sha1sum must be the SHA-1 of a mailto IRI as 40 hexadecimal digits");
        }

        @Test
        void rejectsAnOpenidThatIsNotAnAbsoluteUri() {
            ObjectNode statement = without(valid(), "/actor/mbox");
            assertRejectedAt(
                    with(statement, "/actor/openid", "\"toby.openid.example.org\""),
                    "/actor/openid",
                    "actor.openid must be an absolute URI");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                {"name": "1625378"}                           | /actor/account/homePage | actor.account.homePage is required in an Account but is missing
                {"homePage": "http://example.adlnet.gov"}     | /actor/account/name     | actor.account.name is required in an Account but is missing
                {"homePage": "example.adlnet.gov", "name": "1"} | /actor/account/homePage | actor.account.homePage must be an absolute IRI
                """)
        void rejectsAnIncompleteAccount(String account, String pointer, String message) {
            ObjectNode statement = without(valid(), "/actor/mbox");
            assertRejectedAt(with(statement, "/actor/account", account), pointer, message);
        }

        @Test
        void rejectsAnAccountPropertyXapiDoesNotDefine() {
            ObjectNode statement = without(valid(), "/actor/mbox");
            assertRejectedAt(
                    with(
                            statement,
                            "/actor/account",
                            "{\"homePage\": \"https://lms.example.edu\", \"name\": \"42\", "
                                    + "\"email\": \"ada@example.edu\"}"),
                    "/actor/account/email",
                    "actor.account.email is not allowed in an Account; xAPI defines only homePage, name there");
        }

        @Test
        void rejectsAnActorObjectTypeThatIsNeitherAgentNorGroup() {
            assertRejectedAt(
                    with(valid(), "/actor/objectType", "\"Person\""),
                    "/actor/objectType",
                    "actor.objectType must be \"Agent\" or \"Group\"; found \"Person\"");
        }
    }

    @Nested
    class Groups {

        @Test
        void acceptsAnAnonymousGroupThatListsItsMembers() {
            assertAccepted(with(
                    valid(),
                    "/actor",
                    "{\"objectType\": \"Group\", \"member\": [{\"mbox\": \"mailto:a@example.com\"}]}"));
        }

        @Test
        void acceptsAnIdentifiedGroupWithOrWithoutMembers() {
            assertAccepted(
                    with(valid(), "/actor", "{\"objectType\": \"Group\", \"mbox\": \"mailto:team@example.com\"}"));
            assertAccepted(with(
                    valid(),
                    "/actor",
                    "{\"objectType\": \"Group\", \"mbox\": \"mailto:team@example.com\", "
                            + "\"member\": [{\"mbox\": \"mailto:a@example.com\"}]}"));
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "{\"objectType\": \"Group\", \"name\": \"Team\"}",
                    "{\"objectType\": \"Group\", \"member\": []}"
                })
        void rejectsAnAnonymousGroupWithoutMembers(String group) {
            assertRejectedAt(
                    with(valid(), "/actor", group),
                    "/actor/member",
                    "actor is an anonymous Group (it has no identifier), so it must list its Agents in member");
        }

        @Test
        void rejectsAGroupWithTwoIdentifiers() {
            assertRejectedAt(
                    with(
                            valid(),
                            "/actor",
                            "{\"objectType\": \"Group\", \"mbox\": \"mailto:t@example.com\", "
                                    + "\"openid\": \"https://example.com/t\"}"),
                    "/actor",
                    "actor is a Group with 2 (mbox, openid); an identified Group has exactly one identifier");
        }

        @Test
        void rejectsAGroupAsAMemberOfAGroup() {
            assertRejectedAt(
                    with(
                            valid(),
                            "/actor",
                            "{\"objectType\": \"Group\", \"member\": "
                                    + "[{\"objectType\": \"Group\", \"mbox\": \"mailto:t@example.com\"}]}"),
                    "/actor/member/0/objectType",
                    "actor.member[0].objectType must be \"Agent\"; found \"Group\"");
        }

        @Test
        void rejectsAMemberWithoutIdentifier() {
            assertRejectedAt(
                    with(valid(), "/actor", "{\"objectType\": \"Group\", \"member\": [{\"name\": \"Nobody\"}]}"),
                    "/actor/member/0",
                    "actor.member[0] must have exactly one identifier");
        }

        @Test
        void rejectsATeamWithoutTheGroupObjectType() {
            assertRejectedAt(
                    with(valid(), "/context/team", "{\"mbox\": \"mailto:team@example.com\"}"),
                    "/context/team/objectType",
                    "context.team.objectType is required in a Group but is missing");
        }
    }

    @Nested
    class Iris {

        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                /verb/id                            | verb.id
                /object/id                          | object.id
                /object/definition/type             | object.definition.type
                /object/definition/moreInfo         | object.definition.moreInfo
                /context/contextActivities/parent/0/id | context.contextActivities.parent[0].id
                """)
        void rejectsAnIdentifierThatIsNotAnAbsoluteIri(String pointer, String field) {
            assertRejectedAt(
                    with(valid(), pointer, "\"438AD672-DE2C-4F0B-8876-35444E7DD746\""),
                    pointer,
                    field
                            + " must be an absolute IRI such as http://example.com/path; found \"438AD672-DE2C-4F0B-8876-35444E7DD746\"");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "http://example.com/ä",
                    "urn:example:course:101",
                    "https://example.com/a?b=c#d",
                    "http://example.com/a%20b"
                })
        void acceptsAbsoluteIris(String iri) {
            assertAccepted(with(valid(), "/object/id", "\"" + iri + "\""));
        }

        @ParameterizedTest
        @ValueSource(strings = {"/courses/101", "http://example.com/a b", "example.com", ""})
        void rejectsRelativeOrInvalidIris(String iri) {
            assertRejectedAt(
                    with(valid(), "/verb/id", "\"" + iri + "\""), "/verb/id", "verb.id must be an absolute IRI");
        }
    }

    @Nested
    class LanguageMaps {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "en",
                    "en-US",
                    "zh-Hant-TW",
                    "es-419",
                    "tlh",
                    "x-klingon",
                    "i-klingon",
                    "de-CH-1901",
                    "sr-Latn-RS",
                    "en-GB-oed",
                    "zh-min-nan"
                })
        void acceptsRfc5646LanguageTagsAsKeys(String tag) {
            assertAccepted(with(valid(), "/verb/display", "{\"" + tag + "\": \"completed\"}"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"s-something", "en_US", "en--US", "e", "en-", "123", ""})
        void rejectsAKeyThatIsNotALanguageTag(String tag) {
            assertRejectedAt(
                    with(valid(), "/verb/display", "{\"" + tag + "\": \"completed\"}"),
                    "/verb/display/" + tag,
                    "verb.display key \"" + tag + "\" must be an RFC 5646 language tag such as en-US");
        }

        @Test
        void rejectsAValueThatIsNotAString() {
            assertRejectedAt(
                    with(valid(), "/object/definition/name", "{\"en-US\": {\"text\": \"Course\"}}"),
                    "/object/definition/name/en-US",
                    "object.definition.name[\"en-US\"] must be a string; found an object");
        }

        @Test
        void rejectsAContextLanguageThatIsNotATag() {
            assertRejectedAt(
                    with(valid(), "/context/language", "\"en_US\""),
                    "/context/language",
                    "context.language must be an RFC 5646 language tag such as en-US; found \"en_US\"");
        }
    }

    @Nested
    class ActivityDefinitions {

        @Test
        void rejectsAnInteractionTypeOutsideTheSpecsList() {
            assertRejectedAt(
                    with(valid(), "/object/definition/interactionType", "\"should error\""),
                    "/object/definition/interactionType",
                    "object.definition.interactionType must be one of true-false, "
                            + "choice, fill-in, long-fill-in, matching, performance, sequencing, likert, numeric or other;"
                            + " found \"should error\"");
        }

        @Test
        void rejectsACorrectResponsesPatternThatIsNotAnArrayOfStrings() {
            assertRejectedAt(
                    with(
                            with(valid(), "/object/definition/interactionType", "\"fill-in\""),
                            "/object/definition/correctResponsesPattern",
                            "[1]"),
                    "/object/definition/correctResponsesPattern/0",
                    "object.definition.correctResponsesPattern[0] must be a string");
        }

        @ParameterizedTest
        @ValueSource(strings = {"choices", "scale", "source", "target", "steps"})
        void rejectsAnInteractionComponentWithoutId(String list) {
            assertRejectedAt(
                    with(
                            with(valid(), "/object/definition/interactionType", "\"other\""),
                            "/object/definition/" + list,
                            "[{\"description\": {\"en-US\": \"Golf\"}}]"),
                    "/object/definition/" + list + "/0/id",
                    "object.definition." + list + "[0].id is required in an Interaction Component but is missing");
        }

        @Test
        void rejectsInteractionComponentIdsThatRepeatWithinOneList() {
            assertRejectedAt(
                    with(
                            with(valid(), "/object/definition/interactionType", "\"choice\""),
                            "/object/definition/choices",
                            "[{\"id\": \"golf\"}, {\"id\": \"golf\"}]"),
                    "/object/definition/choices/1/id",
                    "object.definition.choices[1].id repeats the id \"golf\" of "
                            + "object.definition.choices[0].id; ids within one choices list must be distinct");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                correctResponsesPattern | ["golf"]
                choices                 | [{"id": "golf"}]
                scale                   | [{"id": "likert_0"}]
                source                  | [{"id": "ben"}]
                target                  | [{"id": "1"}]
                steps                   | [{"id": "pong"}]
                """)
        void rejectsAnInteractionPartWithoutTheInteractionType(String part, String value) {
            assertRejectedAt(
                    with(valid(), "/object/definition/" + part, value),
                    "/object/definition/interactionType",
                    "object.definition.interactionType is required when the definition has " + part
                            + " (an interaction activity)");
        }

        @Test
        void namesEveryInteractionPartThatNeedsTheType() {
            ObjectNode statement = with(valid(), "/object/definition/correctResponsesPattern", "[\"golf\"]");

            assertRejectedAt(
                    with(statement, "/object/definition/choices", "[{\"id\": \"golf\"}]"),
                    "/object/definition/interactionType",
                    "has correctResponsesPattern, choices (an interaction activity)");
        }

        @Test
        void checksTheInteractionTypeInContextActivitiesAndSubStatementsToo() {
            ObjectNode statement = with(
                    valid(), "/context/contextActivities/parent/0/definition", "{\"correctResponsesPattern\": []}");

            assertRejectedAt(
                    statement,
                    "/context/contextActivities/parent/0/definition/interactionType",
                    "context.contextActivities.parent[0].definition.interactionType is required");
        }

        @ParameterizedTest
        @ValueSource(strings = {"true-false", "choice", "other"})
        void acceptsAnInteractionWithItsType(String type) {
            ObjectNode statement = with(valid(), "/object/definition/interactionType", "\"" + type + "\"");

            assertAccepted(with(statement, "/object/definition/correctResponsesPattern", "[\"true\"]"));
        }

        @Test
        void acceptsAnInteractionTypeWithoutResponsesOrComponents() {
            assertAccepted(with(valid(), "/object/definition/interactionType", "\"fill-in\""));
        }
    }

    @Nested
    class Objects {

        @Test
        void acceptsAnActivityWithoutObjectType() {
            assertAccepted(without(valid(), "/object/objectType"));
        }

        @Test
        void acceptsAnAgentAGroupAndAStatementRefAsObject() {
            assertAccepted(with(valid(), "/object", "{\"objectType\": \"Agent\", \"mbox\": \"mailto:b@example.com\"}"));
            assertAccepted(with(
                    valid(),
                    "/object",
                    "{\"objectType\": \"Group\", \"member\": [{\"mbox\": \"mailto:b@example.com\"}]}"));
            assertAccepted(with(
                    valid(),
                    "/object",
                    "{\"objectType\": \"StatementRef\", \"id\": \"e05aa883-acaf-40ad-bf54-02c8ce485fb0\"}"));
        }

        @Test
        void rejectsAnObjectTypeXapiDoesNotDefine() {
            assertRejectedAt(
                    with(valid(), "/object/objectType", "\"GroupActivity\""),
                    "/object/objectType",
                    "object.objectType must be one of \"Activity\", \"Agent\", \"Group\", \"StatementRef\" or \"SubStatement\";"
                            + " found \"GroupActivity\"");
        }

        @Test
        void treatsAnObjectWithoutObjectTypeAsAnActivity() {
            List<Violation> violations = rejection(with(valid(), "/object", "{\"mbox\": \"mailto:b@example.com\"}")
                            .toString())
                    .violations();

            assertThat(violations).extracting(Violation::pointer).containsExactly("/object/id", "/object/mbox");
        }

        @Test
        void rejectsAnAgentObjectWithTwoIdentifiers() {
            assertRejectedAt(
                    with(
                            valid(),
                            "/object",
                            "{\"objectType\": \"Agent\", \"mbox\": \"mailto:b@example.com\", "
                                    + "\"openid\": \"https://example.com/b\"}"),
                    "/object",
                    "object must have exactly one identifier");
        }
    }

    @Nested
    class SubStatements {

        private static final String SUB = """
                {"objectType": "SubStatement",
                 "actor": {"mbox": "mailto:test@example.com"},
                 "verb": {"id": "http://example.com/visited", "display": {"en-US": "will visit"}},
                 "object": {"id": "http://example.com/website"}}
                """;

        @Test
        void acceptsASubStatementAsObject() {
            assertAccepted(with(valid(), "/object", SUB));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                id        | "e05aa883-acaf-40ad-bf54-02c8ce485fb0"
                stored    | "2013-05-18T05:32:34.804Z"
                version   | "1.0.3"
                authority | {"mbox": "mailto:lrs@example.com"}
                """)
        void rejectsTheStatementPropertiesASubStatementMustNotHave(String property, String value) {
            ObjectNode statement = with(valid(), "/object", SUB);
            assertRejectedAt(
                    with(statement, "/object/" + property, value),
                    "/object/" + property,
                    "object." + property
                            + " is not allowed in a SubStatement; xAPI defines only objectType, actor, verb,"
                            + " object, result, context, timestamp, attachments there");
        }

        @Test
        void rejectsASubStatementInsideASubStatement() {
            ObjectNode statement = with(valid(), "/object", SUB);
            assertRejectedAt(
                    with(statement, "/object/object", SUB),
                    "/object/object/objectType",
                    "object.object.objectType must be one of \"Activity\", \"Agent\", \"Group\" or \"StatementRef\" "
                            + "(a SubStatement cannot hold another SubStatement); found \"SubStatement\"");
        }

        @Test
        void checksTheSubStatementsOwnPartsLikeAStatements() {
            ObjectNode statement = with(valid(), "/object", SUB);
            assertRejectedAt(
                    with(statement, "/object/verb/display/s-something", "\"пријавио\""),
                    "/object/verb/display/s-something",
                    "object.verb.display key \"s-something\" must be an RFC 5646 language tag");
        }

        @Test
        void rejectsASubStatementWithoutVerb() {
            ObjectNode statement = with(valid(), "/object", SUB);
            assertRejectedAt(
                    without(statement, "/object/verb"),
                    "/object/verb",
                    "object.verb is required in a SubStatement but is missing");
        }
    }

    @Nested
    class Results {

        @ParameterizedTest
        @ValueSource(strings = {"1.01", "-1.5", "95"})
        void rejectsAScaledScoreOutsideMinusOneToOne(String scaled) {
            assertRejectedAt(
                    with(valid(), "/result/score/scaled", scaled),
                    "/result/score/scaled",
                    "result.score.scaled must be a number from -1 to 1; found " + scaled);
        }

        @ParameterizedTest
        @ValueSource(strings = {"100", "50"})
        void rejectsAMinThatIsNotBelowMax(String min) {
            ObjectNode statement = with(valid(), "/result/score", "{\"raw\": 100, \"min\": " + min + ", \"max\": 50}");
            assertThat(violationsOf(statement))
                    .contains(new Violation(
                            "/result/score/max",
                            "result.score.max must be greater than result.score.min (" + min + "); found 50"));
        }

        @Test
        void rejectsARawScoreAboveMax() {
            assertRejectedAt(
                    with(valid(), "/result/score/raw", "101"),
                    "/result/score/raw",
                    "result.score.raw must not be above result.score.max (100); found 101");
        }

        @Test
        void rejectsARawScoreBelowMin() {
            assertRejectedAt(
                    with(valid(), "/result/score/raw", "-1"),
                    "/result/score/raw",
                    "result.score.raw must not be below result.score.min (0); found -1");
        }

        @Test
        void acceptsARawScoreOnTheBoundsOrWithoutBounds() {
            assertAccepted(with(valid(), "/result/score", "{\"raw\": 100, \"min\": 0, \"max\": 100}"));
            assertAccepted(with(valid(), "/result/score", "{\"raw\": 0, \"min\": 0}"));
            assertAccepted(with(valid(), "/result/score", "{\"raw\": 1234}"));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                /result/score/raw | "90"  | result.score.raw must be a number; found "90"
                /result/success   | "yes" | result.success must be a boolean; found "yes"
                /result/completion| 1     | result.completion must be a boolean; found 1
                /result/response  | 42    | result.response must be a string; found 42
                """)
        void rejectsResultPartsOfTheWrongType(String pointer, String value, String message) {
            assertRejectedAt(with(valid(), pointer, value), pointer, message);
        }
    }

    @Nested
    class Contexts {

        @ParameterizedTest
        @ValueSource(strings = {"platform", "revision"})
        void rejectsPlatformAndRevisionWhenTheObjectIsNotAnActivity(String property) {
            ObjectNode statement =
                    with(valid(), "/object", "{\"objectType\": \"Agent\", \"mbox\": \"mailto:b@example.com\"}");
            statement.withObject("/context").put(property, "x");

            assertRejectedAt(
                    statement,
                    "/context/" + property,
                    "context." + property
                            + " is only allowed when the object is an Activity; here the object is an Agent");
        }

        @Test
        void acceptsPlatformAndRevisionWhenTheObjectIsAnActivity() {
            assertAccepted(with(with(valid(), "/context/platform", "\"Moodle 4.3\""), "/context/revision", "\"7\""));
        }

        @Test
        void acceptsContextActivitiesGivenAsASingleObject() {
            assertAccepted(with(
                    valid(), "/context/contextActivities/parent", "{\"id\": \"https://lms.example.edu/programs/7\"}"));
        }

        @Test
        void rejectsAContextActivityWithoutId() {
            assertRejectedAt(
                    with(valid(), "/context/contextActivities/grouping", "[{\"objectType\": \"Activity\"}]"),
                    "/context/contextActivities/grouping/0/id",
                    "context.contextActivities.grouping[0].id is required in an Activity but is missing");
        }

        @Test
        void rejectsContextActivitiesThatAreNotActivities() {
            assertRejectedAt(
                    with(valid(), "/context/contextActivities/category", "\"math\""),
                    "/context/contextActivities/category",
                    "context.contextActivities.category must be an Activity object "
                            + "or an array of Activity objects; found \"math\"");
        }

        @Test
        void rejectsAContextStatementThatIsNotAStatementRef() {
            assertRejectedAt(
                    with(
                            valid(),
                            "/context/statement",
                            "{\"objectType\": \"Statement\", " + "\"id\": \"e05aa883-acaf-40ad-bf54-02c8ce485fb0\"}"),
                    "/context/statement/objectType",
                    "context.statement.objectType must be \"StatementRef\"; found \"Statement\"");
        }

        @Test
        void rejectsAnInstructorWithTwoIdentifiers() {
            assertRejectedAt(
                    with(
                            valid(),
                            "/context/instructor",
                            "{\"mbox\": \"mailto:i@example.com\", "
                                    + "\"mbox_sha1sum\": \"ebd31e95054c018b10727ccffd2ef2ec3a016ee9\"}"),
                    "/context/instructor",
                    "context.instructor must have exactly one identifier");
        }

        @Test
        void acceptsXapi20ContextAgentsInAnXapi20Request() {
            ObjectNode statement = with(
                    valid(),
                    "/context/contextAgents",
                    "[{\"objectType\": \"contextAgent\", "
                            + "\"agent\": {\"mbox\": \"mailto:i@example.com\"}, \"relevantTypes\": [\"https://example.com/roles/tutor\"]}]");

            assertThatCode(() -> validator.validate(statement.toString(), "2.0.0"))
                    .doesNotThrowAnyException();
        }

        @Test
        void rejectsXapi20ContextAgentsInAnXapi10Request() {
            ObjectNode statement = with(
                    valid(),
                    "/context/contextAgents",
                    "[{\"objectType\": \"contextAgent\", " + "\"agent\": {\"mbox\": \"mailto:i@example.com\"}}]");

            assertRejectedAt(
                    statement,
                    "/context/contextAgents",
                    "context.contextAgents exists only in xAPI 2.0; send the "
                            + "header X-Experience-API-Version: 2.0.0, or remove it (this request declares 1.0.3)");
        }

        @Test
        void rejectsAContextGroupWithoutItsGroup() {
            ObjectNode statement = with(valid(), "/context/contextGroups", "[{\"objectType\": \"contextGroup\"}]");

            RejectedInputException rejected = catchRejection(() -> validator.validate(statement.toString(), "2.0"));

            assertThat(rejected.violations())
                    .containsExactly(new Violation(
                            "/context/contextGroups/0/group",
                            "context.contextGroups[0].group is required in a contextGroup but is missing"));
        }
    }

    @Nested
    class Authorities {

        private static final String CONSUMER =
                "{\"account\": {\"homePage\": \"http://example.com/xAPI/OAuth/Token\", \"name\": \"oauth_consumer_x75db\"}}";
        private static final String USER = "{\"mbox\": \"mailto:bob@example.com\"}";

        @Test
        void acceptsAnAgentAuthority() {
            assertAccepted(with(valid(), "/authority", USER));
        }

        @Test
        void acceptsAnOauthPairAsAnAnonymousGroupOfTwoAgents() {
            assertAccepted(with(
                    valid(),
                    "/authority",
                    "{\"objectType\": \"Group\", \"member\": [" + CONSUMER + ", " + USER + "]}"));
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 3})
        void rejectsAGroupAuthorityOfOtherThanTwoAgents(int members) {
            String member = String.join(", ", java.util.Collections.nCopies(members, USER));

            assertRejectedAt(
                    with(valid(), "/authority", "{\"objectType\": \"Group\", \"member\": [" + member + "]}"),
                    "/authority/member",
                    "authority is a Group of " + members + (members == 1 ? " member" : " members")
                            + "; a Group authority must be an anonymous Group (no identifier) of exactly two Agents");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "\"mbox\": \"mailto:xapigroup@example.com\"",
                    "\"mbox_sha1sum\": \"ebd31e95054c018b10727ccffd2ef2ec3a016ee9\"",
                    "\"openid\": \"http://group.openid.example.org/\"",
                    "\"account\": {\"homePage\": \"http://example.com\", \"name\": \"group\"}"
                })
        void rejectsAnIdentifiedGroupAsAuthorityEvenWithTwoMembers(String identifier) {
            String group =
                    "{\"objectType\": \"Group\", " + identifier + ", \"member\": [" + CONSUMER + ", " + USER + "]}";

            assertRejectedAt(
                    with(valid(), "/authority", group),
                    "/authority",
                    "authority is a Group identified by " + identifier.substring(1, identifier.indexOf('"', 1)));
        }

        @Test
        void leavesGroupsElsewhereToTheirOwnRules() {
            assertAccepted(with(
                    valid(),
                    "/actor",
                    "{\"objectType\": \"Group\", \"mbox\": \"mailto:team@example.com\", \"member\": [" + USER + "]}"));
        }
    }

    @Nested
    class Voiding {

        private static final String VOIDED = "{\"id\": \"http://adlnet.gov/expapi/verbs/voided\"}";

        @Test
        void acceptsAVoidingStatementWhoseObjectIsAStatementRef() {
            ObjectNode voiding = with(valid(), "/verb", VOIDED);

            assertAccepted(with(
                    voiding,
                    "/object",
                    "{\"objectType\": \"StatementRef\", \"id\": \"e05aa883-acaf-40ad-bf54-02c8ce485fb0\"}"));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                {"id": "https://lms.example.edu/courses/101"}                                | an Activity
                {"objectType": "Agent", "mbox": "mailto:bob@example.com"}                    | an Agent
                {"objectType": "Group", "mbox": "mailto:team@example.com"}                   | a Group
                """)
        void rejectsAVoidingStatementWhoseObjectIsNotAStatementRef(String object, String found) {
            assertRejectedAt(
                    with(with(valid(), "/verb", VOIDED), "/object", object),
                    "/object",
                    "object must be a StatementRef (the id of the statement to void) when the verb is"
                            + " http://adlnet.gov/expapi/verbs/voided; found " + found);
        }

        @Test
        void leavesOtherVerbsWithAStatementRefAlone() {
            assertAccepted(with(
                    valid(),
                    "/object",
                    "{\"objectType\": \"StatementRef\", \"id\": \"e05aa883-acaf-40ad-bf54-02c8ce485fb0\"}"));
        }
    }

    @Nested
    class PutRequests {

        @Test
        void takesTheStatementWhoseIdIsTheStatementIdParameter() {
            assertThat(validator
                            .validateOne(valid().toString(), "1.0.3", Statements.ID)
                            .statements())
                    .containsExactly(valid());
        }

        @Test
        void comparesTheIdsWithoutRegardToCase() {
            assertThatCode(() -> validator.validateOne(
                            valid().toString(), "1.0.3", Statements.ID.toUpperCase(java.util.Locale.ROOT)))
                    .doesNotThrowAnyException();
        }

        @Test
        void givesAStatementWithoutIdTheStatementIdParameter() {
            ObjectNode stored = validator
                    .validateOne(without(valid(), "/id").toString(), "1.0.3", Statements.ID)
                    .statements()
                    .get(0);

            assertThat(stored.path("id").asText()).isEqualTo(Statements.ID);
        }

        @Test
        void rejectsAStatementWhoseIdDiffersFromTheStatementIdParameter() {
            RejectedInputException rejected = catchRejection(
                    () -> validator.validateOne(valid().toString(), "1.0.3", "e05aa883-acaf-40ad-bf54-02c8ce485fb0"));

            assertThat(rejected.status()).isEqualTo(400);
            assertThat(rejected.violations())
                    .containsExactly(new Violation(
                            "/id",
                            "id \"" + Statements.ID + "\" differs from the statementId parameter"
                                    + " \"e05aa883-acaf-40ad-bf54-02c8ce485fb0\"; they must name the same statement"
                                    + " (or leave id out)"));
        }

        @ParameterizedTest
        @org.junit.jupiter.params.provider.NullAndEmptySource
        @ValueSource(strings = {" "})
        void rejectsAPutWithoutStatementId(String statementId) {
            RejectedInputException rejected =
                    catchRejection(() -> validator.validateOne(valid().toString(), "1.0.3", statementId));

            assertThat(rejected.status()).isEqualTo(400);
            assertThat(rejected.detail()).startsWith("PUT /lms/xapi/statements needs the statementId query parameter");
        }

        @ParameterizedTest
        @ValueSource(strings = {"42", "0f8fad5bd9cb469fa16570867728950e", "{0f8fad5b-d9cb-469f-a165-70867728950e}"})
        void rejectsAStatementIdThatIsNotAUuid(String statementId) {
            RejectedInputException rejected =
                    catchRejection(() -> validator.validateOne(valid().toString(), "1.0.3", statementId));

            assertThat(rejected.detail())
                    .isEqualTo("The statementId parameter must be a UUID such as 0f8fad5b-d9cb-469f-a165-70867728950e;"
                            + " found \"" + statementId + "\"");
        }

        @Test
        void rejectsAnArrayBody() {
            RejectedInputException rejected =
                    catchRejection(() -> validator.validateOne(arrayOf(valid()), "1.0.3", Statements.ID));

            assertThat(rejected.violations())
                    .singleElement()
                    .satisfies(violation -> assertThat(violation.message()).contains("found an array"));
        }

        @Test
        void checksTheStatementLikeAPost() {
            RejectedInputException rejected = catchRejection(
                    () -> validator.validateOne(without(valid(), "/verb").toString(), "1.0.3", Statements.ID));

            assertThat(rejected.violations())
                    .containsExactly(new Violation("/verb", "verb is required in a Statement but is missing"));
        }

        @Test
        void checksTheVersionHeaderFirst() {
            RejectedInputException rejected =
                    catchRejection(() -> validator.validateOne(valid().toString(), null, null));

            assertThat(rejected.title()).isEqualTo("Unsupported xAPI version");
        }
    }

    @Nested
    class Attachments {

        private static final String ATTACHMENT = """
                {"usageType": "http://adlnet.gov/expapi/attachments/signature", "display": {"en-US": "Signature"},
                 "contentType": "application/octet-stream", "length": 4235,
                 "sha2": "672fa5fa658017f1b72d65036f13379c6ab05d4ab3b6664908d8acf0b6a0c634"}
                """;

        @Test
        void acceptsAnAttachmentWithItsRequiredProperties() {
            assertAccepted(with(valid(), "/attachments", "[" + ATTACHMENT + "]"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"usageType", "display", "contentType", "length", "sha2"})
        void rejectsAnAttachmentWithoutARequiredProperty(String property) {
            ObjectNode statement = with(valid(), "/attachments", "[" + ATTACHMENT + "]");
            assertRejectedAt(
                    without(statement, "/attachments/0/" + property),
                    "/attachments/0/" + property,
                    "attachments[0]." + property + " is required in an Attachment but is missing");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                length      | 12.5          | attachments[0].length must be a whole number of octets (0 or more); found 12.5
                length      | -1            | attachments[0].length must be a whole number of octets (0 or more); found -1
                sha2        | "abc"         | attachments[0].sha2 must be a SHA-2 hash in hexadecimal
                contentType | "pdf"         | attachments[0].contentType must be an Internet media type such as application/pdf
                usageType   | "signature"   | attachments[0].usageType must be an absolute IRI
                fileUrl     | "not a url"   | attachments[0].fileUrl must be an absolute IRI
                """)
        void rejectsAnAttachmentPropertyOfTheWrongForm(String property, String value, String message) {
            ObjectNode statement = with(valid(), "/attachments", "[" + ATTACHMENT + "]");
            assertRejectedAt(
                    with(statement, "/attachments/0/" + property, value), "/attachments/0/" + property, message);
        }
    }

    private void assertAccepted(ObjectNode statement) {
        assertThatCode(() -> validator.validate(statement.toString(), "1.0.3")).doesNotThrowAnyException();
    }

    private void assertRejectedAt(ObjectNode statement, String pointer, String... messageParts) {
        assertThat(violationsOf(statement)).singleElement().satisfies(violation -> {
            assertThat(violation.pointer()).isEqualTo(pointer);
            assertThat(violation.message()).contains(messageParts);
        });
    }

    private List<Violation> violationsOf(ObjectNode statement) {
        return rejection(statement.toString()).violations();
    }

    private RejectedInputException rejection(String body) {
        return catchRejection(() -> validator.validate(body, "1.0.3"));
    }

    static RejectedInputException catchRejection(Runnable call) {
        try {
            call.run();
        } catch (RejectedInputException rejected) {
            return rejected;
        }
        return fail("expected the request to be rejected, but it was accepted");
    }
}
