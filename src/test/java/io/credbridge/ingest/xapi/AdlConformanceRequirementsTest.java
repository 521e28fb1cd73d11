package io.credbridge.ingest.xapi;

import static io.credbridge.ingest.xapi.Statements.valid;
import static io.credbridge.ingest.xapi.Statements.with;
import static io.credbridge.ingest.xapi.Statements.without;
import static io.credbridge.ingest.xapi.XapiStatementValidatorTest.catchRejection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.credbridge.ingest.RejectedInputException;
import io.credbridge.ingest.RejectedInputException.Violation;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The statement-validation requirements of the ADL LRS conformance test suite (adlnet/lrs-conformance-test-suite,
 * test/v1_0_3: Data 2.2 to 2.6 and 4.0 with their configs), one case per requirement and boundary, named by its
 * XAPI number. Each starts from a valid statement, changes one thing as the suite's template does, and expects the
 * suite's verdict: accepted, or a 400 located at the part that broke the rule. The retrieval requirements (GET
 * /statements, stored, voided-statement queries, attachments served back) are out of scope: CredBridge is not an LRS.
 */
class AdlConformanceRequirementsTest {

    private static final String ABSENT = null;
    private static final String ACCEPTED = "accepted";
    private static final String SUB_STATEMENT = """
            {"objectType": "SubStatement", "actor": {"mbox": "mailto:test@example.com"},
             "verb": {"id": "http://example.com/visited"}, "object": {"id": "http://example.com/website"}}""";
    private static final String ATTACHMENT = """
            {"usageType": "http://adlnet.gov/expapi/attachments/signature", "display": {"en-US": "Signature"},
             "contentType": "application/octet-stream", "length": 4235,
             "sha2": "672fa5fa658017f1b72d65036f13379c6ab05d4ab3b6664908d8acf0b6a0c634",
             "fileUrl": "https://example.com/signature"}""";
    private static final String OAUTH_CONSUMER =
            "{\"account\": {\"homePage\": \"http://example.com/xAPI/OAuth/Token\", \"name\": \"oauth_consumer_x75db\"}}";
    private static final String AGENT = "{\"mbox\": \"mailto:agent@example.com\"}";
    private static final String VOIDED = "{\"id\": \"http://adlnet.gov/expapi/verbs/voided\"}";

    private final XapiStatementValidator validator = new XapiStatementValidator(XapiIngestProperties.defaults());

    static Stream<Requirement> requirements() {
        return Stream.of(
                // Data 2.2 formatting
                rejected("XAPI-00001 a property set to null outside extensions", "/result/success", "null"),
                accepted(
                        "XAPI-00119 an extension may be null",
                        "/result/extensions",
                        "{\"http://example.com/e\": null}"),
                accepted(
                        "XAPI-00119 an extension may be an empty string",
                        "/result/extensions",
                        "{\"http://example.com/e\": \"\"}"),
                accepted(
                        "XAPI-00119 an extension may be an empty object",
                        "/result/extensions",
                        "{\"http://example.com/e\": {}}"),
                rejected("XAPI-00003 a statement has an actor", "/actor", ABSENT),
                rejected("XAPI-00004 a statement has a verb", "/verb", ABSENT),
                rejected("XAPI-00005 a statement has an object", "/object", ABSENT),
                rejected("XAPI-00006 a value of the wrong data type", "/result/success", "\"true\""),
                rejected("XAPI-00008 a key in the wrong case", "/result/Success", "true"),
                rejected("XAPI-00009 an enumerated value in the wrong case", "/object/objectType", "\"activity\""),
                rejected("XAPI-00011 an IRI without a scheme", "/verb/id", "\"example.com/verbs/completed\""),
                rejected("XAPI-00013 an empty string where a mailto IRI is required", "/actor/mbox", "\"\""),
                rejected("XAPI-00013 an empty string where a UUID is required", "/id", "\"\""),
                rejected(
                        "XAPI-00121 a language map key that is not RFC 5646",
                        "/verb/display",
                        "{\"a12345\": \"attended\"}"),
                accepted("XAPI-00121 a three-letter language subtag (cmn)", "/context/language", "\"cmn\""),
                accepted("XAPI-00121 a language-region tag (fr-CA)", "/context/language", "\"fr-CA\""),
                rejected("XAPI-00121 a context language that is not RFC 5646", "/context/language", "\"en_US\""),
                // Data 2.3.2 voiding
                rejected(
                        "XAPI-00017 a voiding statement whose object is not a StatementRef",
                        "/verb",
                        VOIDED,
                        "/object"),
                accepted(
                        "XAPI-00019 a voiding statement of a StatementRef (target need not be known)",
                        "/verb",
                        VOIDED,
                        "/object",
                        "{\"objectType\": \"StatementRef\", \"id\": \"e05aa883-acaf-40ad-bf54-02c8ce485fb0\"}"),
                // Data 2.4.1 id
                rejected("XAPI-00027 an id that is not an RFC 4122 UUID", "/id", "\"not-a-uuid\""),
                rejected(
                        "XAPI-00028 a UUID not in standard string form", "/id", "\"0f8fad5bd9cb469fa16570867728950e\""),
                // Data 2.4.2 actor
                rejected("XAPI-00032 an objectType that is not a string", "/actor/objectType", "1"),
                rejected("XAPI-00033 a name that is not a string", "/actor/name", "7"),
                rejected(
                        "XAPI-00034 an Agent with two identifiers",
                        "/actor/openid",
                        "\"http://ada.openid.example.org/\"",
                        "/actor"),
                rejected("XAPI-00034 an Agent without identifier", "/actor/mbox", ABSENT, "/actor"),
                rejected(
                        "XAPI-00035 an anonymous Group without member",
                        "/actor",
                        "{\"objectType\": \"Group\"}",
                        "/actor/member"),
                rejected(
                        "XAPI-00036 a Group member that is not an Agent",
                        "/actor",
                        "{\"objectType\": \"Group\", \"member\": [{\"name\": \"x\"}]}",
                        "/actor/member/0"),
                rejected(
                        "XAPI-00037 an identified Group with two identifiers",
                        "/actor",
                        "{\"objectType\": \"Group\", \"mbox\": \"mailto:g@example.com\", \"openid\": \"http://g.example.org/\"}"),
                rejected("XAPI-00038 an mbox without mailto", "/actor/mbox", "\"ada@example.edu\""),
                rejected(
                        "XAPI-00039 an mbox_sha1sum that is not a string",
                        "/actor",
                        "{\"mbox_sha1sum\": 123}",
                        "/actor/mbox_sha1sum"),
                rejected(
                        "XAPI-00040 an openid that is not a URI",
                        "/actor",
                        "{\"openid\": \"not a uri\"}",
                        "/actor/openid"),
                rejected(
                        "XAPI-00042 an account without homePage",
                        "/actor",
                        "{\"account\": {\"name\": \"ada\"}}",
                        "/actor/account/homePage"),
                rejected(
                        "XAPI-00043 an account without name",
                        "/actor",
                        "{\"account\": {\"homePage\": \"http://example.com\"}}",
                        "/actor/account/name"),
                // Data 2.4.3 verb
                rejected("XAPI-00044 a verb without id", "/verb", "{\"display\": {\"en-US\": \"did\"}}", "/verb/id"),
                // Data 2.4.4 object
                rejected(
                        "XAPI-00046 an object with an objectType xAPI does not define",
                        "/object/objectType",
                        "\"Thing\""),
                rejected("XAPI-00047 an Activity without id", "/object/id", ABSENT),
                rejected(
                        "XAPI-00064 choices without interactionType",
                        "/object/definition/choices",
                        "[{\"id\": \"golf\"}]",
                        "/object/definition/interactionType"),
                rejected(
                        "XAPI-00064 a correctResponsesPattern without interactionType",
                        "/object/definition/correctResponsesPattern",
                        "[\"golf\"]",
                        "/object/definition/interactionType"),
                rejected(
                        "XAPI-00064 a scale without interactionType",
                        "/object/definition/scale",
                        "[{\"id\": \"likert_0\"}]",
                        "/object/definition/interactionType"),
                rejected(
                        "XAPI-00064 steps without interactionType",
                        "/object/definition/steps",
                        "[{\"id\": \"pong\"}]",
                        "/object/definition/interactionType"),
                rejected("XAPI-00065 an Agent as object without objectType", "/object", AGENT),
                accepted(
                        "XAPI-00065 an Agent as object with objectType",
                        "/object",
                        "{\"objectType\": \"Agent\", \"mbox\": \"mailto:a@example.com\"}"),
                rejected(
                        "XAPI-00066 a SubStatement follows the rules of statements",
                        "/object",
                        SUB_STATEMENT.replace("mailto:test@example.com", "test@example.com"),
                        "/object/actor/mbox"),
                rejected(
                        "XAPI-00067 a SubStatement with authority",
                        "/object",
                        withProperty(SUB_STATEMENT, "authority", AGENT),
                        "/object/authority"),
                rejected(
                        "XAPI-00068 a SubStatement with version",
                        "/object",
                        withProperty(SUB_STATEMENT, "version", "\"1.0.0\""),
                        "/object/version"),
                rejected(
                        "XAPI-00069 a SubStatement with stored",
                        "/object",
                        withProperty(SUB_STATEMENT, "stored", "\"2013-05-18T05:32:34.804Z\""),
                        "/object/stored"),
                rejected(
                        "XAPI-00070 a SubStatement with id",
                        "/object",
                        withProperty(SUB_STATEMENT, "id", "\"e05aa883-acaf-40ad-bf54-02c8ce485fb0\""),
                        "/object/id"),
                rejected(
                        "XAPI-00071 a SubStatement inside a SubStatement",
                        "/object",
                        "{\"objectType\": \"SubStatement\","
                                + " \"actor\": " + AGENT
                                + ", \"verb\": {\"id\": \"http://example.com/visited\"}, \"object\": "
                                + SUB_STATEMENT + "}",
                        "/object/object"),
                rejected(
                        "XAPI-00072 a StatementRef without id",
                        "/object",
                        "{\"objectType\": \"StatementRef\"}",
                        "/object/id"),
                rejected(
                        "XAPI-00073 a StatementRef id that is not a UUID",
                        "/object",
                        "{\"objectType\": \"StatementRef\", \"id\": \"x\"}",
                        "/object/id"),
                // Data 2.4.5 result
                rejected("XAPI-00074 a success that is not a Boolean", "/result/success", "1"),
                rejected("XAPI-00075 a completion that is not a Boolean", "/result/completion", "\"yes\""),
                rejected("XAPI-00076 a response that is not a string", "/result/response", "42"),
                rejected("XAPI-00077 a duration that is not ISO 8601", "/result/duration", "\"1 hour\""),
                rejected("XAPI-00078 result extensions that are not an object", "/result/extensions", "[]"),
                rejected("XAPI-00079 a score that is not an object", "/result/score", "0.5"),
                // Data 2.4.6 context
                rejected("XAPI-00086 contextActivities that are not an object", "/context/contextActivities", "[]"),
                rejected("XAPI-00087-1 a registration that is not a UUID", "/context/registration", "\"abc\""),
                rejected(
                        "XAPI-00087-2 an instructor that is not an Agent",
                        "/context/instructor",
                        "{\"name\": \"no identifier\"}"),
                rejected("XAPI-00088 a team that is not a Group", "/context/team", AGENT),
                rejected("XAPI-00089 a revision that is not a string", "/context/revision", "2"),
                rejected("XAPI-00090 a platform that is not a string", "/context/platform", "3"),
                rejected("XAPI-00091 a language that is not a string", "/context/language", "1"),
                rejected(
                        "XAPI-00092 a context statement that is not a StatementRef",
                        "/context/statement",
                        "{\"objectType\": \"Activity\", \"id\": \"http://example.com/a\"}"),
                // Data 2.4.7 timestamp, 4.5 and 4.6
                rejected("XAPI-00022 a timestamp that is not ISO 8601", "/timestamp", "\"2020-07-15 06:36\""),
                rejected(
                        "XAPI-00123 a timestamp with the -00:00 offset",
                        "/timestamp",
                        "\"2020-07-15T06:36:01.917-00:00\""),
                accepted("XAPI-00123 a timestamp with an offset", "/timestamp", "\"2020-07-15T06:36:01.917+05:30\""),
                rejected("XAPI-00124 a duration that is not ISO 8601", "/result/duration", "\"PT1H30\""),
                // Data 2.4.9 authority
                rejected(
                        "XAPI-00024 an authority that is not an Agent or Group",
                        "/authority",
                        "{\"objectType\": \"Activity\", \"id\": \"http://example.com/a\"}"),
                accepted(
                        "XAPI-00098 a Group authority of exactly two Agents (OAuth consumer and user)",
                        "/authority",
                        group("", OAUTH_CONSUMER, AGENT)),
                rejected(
                        "XAPI-00098 a Group authority of three Agents",
                        "/authority",
                        group("", OAUTH_CONSUMER, AGENT, AGENT),
                        "/authority/member"),
                rejected(
                        "XAPI-00098 a Group authority of one Agent",
                        "/authority",
                        group("", OAUTH_CONSUMER),
                        "/authority/member"),
                rejected(
                        "XAPI-00100 a Group authority identified by mbox",
                        "/authority",
                        group("\"mbox\": \"mailto:xapigroup@example.com\",", AGENT, AGENT)),
                rejected(
                        "XAPI-00100 a Group authority identified by account",
                        "/authority",
                        group("\"account\": {\"homePage\": \"http://example.com\", \"name\": \"g\"},", AGENT, AGENT)),
                // Data 2.4.10 version
                accepted("XAPI-00101 version 1.0", "/version", "\"1.0\""),
                accepted("XAPI-00101 version 1.0.9", "/version", "\"1.0.9\""),
                rejected("XAPI-00101 version that is not a version", "/version", "\"one\""),
                rejected("XAPI-00101 version 0.9.9", "/version", "\"0.9.9\""),
                rejected("XAPI-00101 version 1.1.0", "/version", "\"1.1.0\""),
                // Data 2.4.11 attachments
                accepted(
                        "XAPI-00102 an attachment with its required properties",
                        "/attachments",
                        "[" + ATTACHMENT + "]"),
                rejected(
                        "XAPI-00102 an attachment length that is not an integer",
                        "/attachments",
                        "[" + ATTACHMENT.replace("4235", "\"4235\"") + "]",
                        "/attachments/0/length"),
                rejected(
                        "XAPI-00103 an attachment sha2 that is not a string",
                        "/attachments",
                        "["
                                + ATTACHMENT.replace(
                                        "\"672fa5fa658017f1b72d65036f13379c6ab05d4ab3b6664908d8acf0b6a0c634\"", "42")
                                + "]",
                        "/attachments/0/sha2"),
                rejected(
                        "XAPI-00104 an attachment fileUrl that is not an IRL",
                        "/attachments",
                        "[" + ATTACHMENT.replace("https://example.com/signature", "not an url") + "]",
                        "/attachments/0/fileUrl"),
                rejected(
                        "XAPI-00105 an attachment contentType that is not a media type",
                        "/attachments",
                        "[" + ATTACHMENT.replace("application/octet-stream", "octet stream") + "]",
                        "/attachments/0/contentType"),
                rejected(
                        "XAPI-00106 an attachment display that is not a language map",
                        "/attachments",
                        "[" + ATTACHMENT.replace("{\"en-US\": \"Signature\"}", "\"Signature\"") + "]",
                        "/attachments/0/display"),
                rejected(
                        "XAPI-00107 an attachment usageType that is not an IRI",
                        "/attachments",
                        "[" + ATTACHMENT.replace("http://adlnet.gov/expapi/attachments/signature", "signature") + "]",
                        "/attachments/0/usageType"),
                // Data 4.1 extensions
                rejected("XAPI-00118 an extension key that is not an IRI", "/result/extensions", "{\"attempts\": 2}"),
                rejected("XAPI-00120 extensions that are not an object", "/context/extensions", "\"x\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requirements")
    void meetsTheRequirement(Requirement requirement) {
        String body = requirement.statement().toString();
        if (ACCEPTED.equals(requirement.expected())) {
            assertThatCode(() -> validator.validate(body, "1.0.3")).doesNotThrowAnyException();
            return;
        }
        RejectedInputException rejected = catchRejection(() -> validator.validate(body, "1.0.3"));
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.violations())
                .extracting(Violation::pointer)
                .anySatisfy(pointer -> assertThat(pointer).startsWith(requirement.expected()));
    }

    /** One requirement: the change to a valid statement and the verdict, ACCEPTED or the pointer of the finding. */
    record Requirement(String name, ObjectNode statement, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Requirement accepted(String name, String pointer, String json) {
        return new Requirement(name, change(valid(), pointer, json), ACCEPTED);
    }

    private static Requirement accepted(String name, String pointer, String json, String pointer2, String json2) {
        return new Requirement(name, change(change(valid(), pointer, json), pointer2, json2), ACCEPTED);
    }

    private static Requirement rejected(String name, String pointer, String json) {
        return rejected(name, pointer, json, pointer);
    }

    private static Requirement rejected(String name, String pointer, String json, String foundAt) {
        return new Requirement(name, change(valid(), pointer, json), foundAt);
    }

    private static ObjectNode change(ObjectNode statement, String pointer, String json) {
        return json == null ? without(statement, pointer) : with(statement, pointer, json);
    }

    private static String withProperty(String object, String name, String json) {
        return object.substring(0, object.lastIndexOf('}')) + ", \"" + name + "\": " + json + "}";
    }

    private static String group(String identifier, String... members) {
        return "{\"objectType\": \"Group\", " + identifier + " \"member\": [" + String.join(", ", members) + "]}";
    }
}
