package io.credbridge.transcript.ethos;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.credbridge.avro.LearnerIdentifier;
import io.credbridge.testsupport.MutableClock;
import io.credbridge.transcript.SisResponses;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the Ethos adapter asks of the tenant besides writes: its resources at startup, and who a learner is. */
@Timeout(30)
class EthosStartupCheckIT {

    @RegisterExtension
    static final WireMockExtension ethos = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));

    @BeforeEach
    void signIn() {
        EthosDouble.signInAnswers(ethos, "token-1");
    }

    @Test
    void aResourceOfferedAtTheVersionWithPutPassesTheCheck() {
        EthosDouble.offers(ethos, "\"get\",\"post\",\"put\",\"delete\"");

        assertThatCode(() -> check(settings(EthosSettings.Ending.UPDATE))).doesNotThrowAnyException();
        ethos.verify(getRequestedFor(urlPathEqualTo("/admin/available-resources"))
                .withHeader("Authorization", equalTo("Bearer token-1")));
    }

    @Test
    void aReadOnlyResourceStopsStartupSayingToChooseAWritableOne() {
        EthosDouble.offers(ethos, "\"get\"");

        assertThatThrownBy(() -> check(settings(EthosSettings.Ending.UPDATE)))
                .hasMessageContaining("'student-aptitude-assessments' v16.0.0 does not allow PUT (it allows GET)")
                .hasMessageContaining("read-only in this SIS")
                .hasMessageContaining("credbridge.transcript.ethos.resource");
    }

    @Test
    void endingByDeleteOnAResourceWithoutDeleteSaysToUpdateInstead() {
        EthosDouble.offers(ethos, "\"get\",\"put\"");

        assertThatThrownBy(() -> check(settings(EthosSettings.Ending.DELETE)))
                .hasMessageContaining("does not allow DELETE")
                .hasMessageContaining("Set credbridge.transcript.ethos.ending to update or reversing-entry");
    }

    @Test
    void aVersionTheTenantDoesNotOfferStopsStartupListingTheVersionsItDoes() {
        EthosDouble.offers(ethos, "\"get\",\"put\"");
        EthosSettings settings =
                EthosTranscriptWriterIT.settings(URI.create(ethos.baseUrl()), EthosSettings.Ending.UPDATE);
        EthosSettings v17 = new EthosSettings(
                settings.baseUrl(),
                settings.apiKey(),
                settings.resource(),
                "17.0.0",
                settings.templates(),
                settings.ending(),
                settings.values(),
                settings.persons(),
                settings.tokenLifetime(),
                settings.tokenRefreshMargin(),
                settings.connectTimeout(),
                settings.requestTimeout(),
                true,
                settings.readBackCriteria());

        assertThatThrownBy(() -> check(v17))
                .hasMessageContaining("not at version 17.0.0")
                .hasMessageContaining("Fix credbridge.transcript.ethos.version")
                .hasMessageContaining("application/vnd.hedtech.integration.v16.0.0+json");
    }

    @Test
    void aResourceTheTenantDoesNotOfferStopsStartupListingThoseItDoes() {
        EthosDouble.offers(ethos, "\"get\",\"put\"");
        EthosSettings academicCredentials = offering("student-academic-credentials", "16.0.0");

        assertThatThrownBy(() -> check(academicCredentials))
                .hasMessageContaining("Ethos offers no resource 'student-academic-credentials'")
                .hasMessageContaining("offered: persons, student-aptitude-assessments");
    }

    @Test
    void anEthosThatCannotBeReachedAtStartupDoesNotStopIt() {
        ethos.stubFor(get(urlPathEqualTo("/admin/available-resources"))
                .willReturn(aResponse().withStatus(503)));

        assertThatCode(() -> check(settings(EthosSettings.Ending.UPDATE))).doesNotThrowAnyException();
    }

    @Test
    void anLmsAccountIsLookedUpAmongPersonsByItsCredentialAndAnswersTheSisPersonId() {
        ethos.stubFor(get(urlPathEqualTo("/api/persons"))
                .withHeader("Accept", equalTo("application/vnd.hedtech.integration.v12.6.0+json"))
                .withQueryParam(
                        "criteria",
                        equalToJson("{\"credentials\":[{\"type\":\"colleagueUserName\",\"value\":\"alice\"}]}"))
                .willReturn(okJson("[{\"id\":\"p-1\",\"credentials\":[{\"type\":\"colleagueUserName\",\"value\":"
                        + "\"alice\"},{\"type\":\"colleaguePersonId\",\"value\":\"0001234\"}]}]")));
        ethos.stubFor(get(urlPathEqualTo("/api/persons"))
                .withQueryParam("criteria", equalToJson("{\"emails\":[{\"address\":\"bob@example.edu\"}]}"))
                .willReturn(okJson("[]")));

        EthosPersons persons = persons();

        assertThat(persons.sisPersonIdFor(new LearnerIdentifier("account", "alice", "https://lms.example.edu")))
                .contains("0001234");
        assertThat(persons.sisPersonIdFor(new LearnerIdentifier("mbox", "mailto:Bob@example.edu", null)))
                .isEmpty();
        assertThat(persons.sisPersonIdFor(new LearnerIdentifier("openid", "https://id.example.edu/x", null)))
                .as("Ethos persons have no credential for an OpenID")
                .isEmpty();
    }

    private EthosPersons persons() {
        EthosSettings settings = settings(EthosSettings.Ending.UPDATE);
        return new EthosPersons(
                EthosConnection.of(settings, clock), settings.persons(), new SisResponses("ethos", clock));
    }

    private void check(EthosSettings settings) {
        new EthosResourceCheck(EthosConnection.of(settings, clock), settings).verify();
    }

    private static EthosSettings offering(String resource, String version) {
        EthosSettings usual = settings(EthosSettings.Ending.UPDATE);
        return new EthosSettings(
                usual.baseUrl(),
                usual.apiKey(),
                resource,
                version,
                usual.templates(),
                usual.ending(),
                usual.values(),
                usual.persons(),
                usual.tokenLifetime(),
                usual.tokenRefreshMargin(),
                usual.connectTimeout(),
                usual.requestTimeout(),
                true,
                usual.readBackCriteria());
    }

    private static EthosSettings settings(EthosSettings.Ending ending) {
        return EthosTranscriptWriterIT.settings(URI.create(ethos.baseUrl()), ending);
    }
}
