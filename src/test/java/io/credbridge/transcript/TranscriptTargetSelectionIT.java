package io.credbridge.transcript;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.credbridge.catalog.CourseCompleted;
import io.credbridge.catalog.CredentialCatalog;
import io.credbridge.catalog.Definitions;
import io.credbridge.identity.SisPersonLookup;
import io.credbridge.ops.CredBridgeMetrics;
import io.credbridge.testsupport.H2TestDatabase;
import io.credbridge.testsupport.MigratedDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** Which SIS adapter runs is configuration, checked at startup with messages that say what to fix. */
@Timeout(60)
class TranscriptTargetSelectionIT {

    @RegisterExtension
    static final WireMockExtension ethos = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @TempDir
    Path sisImport;

    @BeforeEach
    void resetEthos() {
        ethos.stubFor(WireMock.post(WireMock.urlPathEqualTo("/auth")).willReturn(WireMock.ok("token-1")));
    }

    @Test
    void withoutATargetTheCsvAdapterRunsAndNoSisLookupIsOffered() {
        runner().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(TranscriptWriter.class)).isInstanceOf(CsvTranscriptWriter.class);
            assertThat(context).doesNotHaveBean(SisPersonLookup.class);
            assertThat(context).as("daily files read nothing back").doesNotHaveBean(TranscriptReadBack.class);
        });
    }

    @Test
    void theEthosTargetWithoutItsSettingsStopsStartupSayingWhatToSet() {
        runner().withPropertyValues("credbridge.transcript.target=ethos")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining(
                                "target (or a route) is ethos, so set credbridge.transcript.ethos.base-url, api-key"));
    }

    @Test
    void theEthosTargetRunsBehindABreakerAndOffersTheSisPersonLookup() {
        offer("\"get\",\"put\"");

        ethosRunner().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(TranscriptWriter.class)).isInstanceOf(GuardedTranscriptWriter.class);
            assertThat(context.getBean(TranscriptWriter.class).target()).isEqualTo("ethos");
            assertThat(context).hasSingleBean(SisPersonLookup.class);
            assertThat(context).hasSingleBean(TranscriptReadBack.class);
        });
    }

    @Test
    void theEthosTargetOnAReadOnlyResourceStopsStartupSayingWhatToChange() {
        offer("\"get\"");

        ethosRunner()
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("does not allow PUT")
                        .hasMessageContaining("credbridge.transcript.ethos.resource"));
    }

    @Test
    void theRestTargetWithBothOAuth2AndAnApiKeyStopsStartupSayingToChooseOne() {
        runner().withPropertyValues(
                        "credbridge.transcript.target=rest",
                        "credbridge.transcript.rest.issued.method=PUT",
                        "credbridge.transcript.rest.issued.url=http://sis/awards/{{awardId}}",
                        "credbridge.transcript.rest.revoked.method=DELETE",
                        "credbridge.transcript.rest.revoked.url=http://sis/awards/{{awardId}}",
                        "credbridge.transcript.rest.expired.method=DELETE",
                        "credbridge.transcript.rest.expired.url=http://sis/awards/{{awardId}}",
                        "credbridge.transcript.rest.api-key.value=k",
                        "credbridge.transcript.rest.oauth2.token-url=http://sis/token",
                        "credbridge.transcript.rest.oauth2.client-id=c",
                        "credbridge.transcript.rest.oauth2.client-secret=s")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("set exactly one of credbridge.transcript.rest.oauth2.* and .api-key.*"));
    }

    @Test
    void theFilesTargetWithoutItsSettingsStopsStartupSayingWhatToSet() {
        runner().withPropertyValues("credbridge.transcript.target=files")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining(
                                "target (or a route) is files, so set credbridge.transcript.files.delivery"));
    }

    @Test
    void theFilesTargetOverSftpWithoutAKnownHostsLineStopsStartupSayingWhereToGetOne() {
        runner().withPropertyValues(
                        "credbridge.transcript.target=files",
                        "credbridge.transcript.files.delivery=sftp",
                        "credbridge.transcript.files.sftp.host=sis-files.example.edu",
                        "credbridge.transcript.files.sftp.username=credbridge",
                        "credbridge.transcript.files.sftp.password=secret")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("files.sftp.knownHosts")
                        .hasMessageContaining("ssh-keyscan"));
    }

    @Test
    void theFilesTargetWritesToADirectoryBehindABreakerAndReadsAcknowledgementsWhenGivenTheirFolder() {
        runner().withPropertyValues(
                        "credbridge.transcript.target=files",
                        "credbridge.transcript.files.layout=xml",
                        "credbridge.transcript.files.directory=" + sisImport,
                        "credbridge.transcript.files.acknowledgements.directory=" + sisImport.resolve("acks"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(TranscriptWriter.class)).isInstanceOf(GuardedTranscriptWriter.class);
                    assertThat(context.getBean(TranscriptWriter.class).target()).isEqualTo("files");
                    assertThat(context.getBean(TranscriptWriter.class).acknowledgesLater())
                            .isTrue();
                    assertThat(context).hasSingleBean(AcknowledgementSource.class);
                    assertThat(context)
                            .as("reconciled from the acknowledgement files")
                            .hasSingleBean(TranscriptReadBack.class);
                });
    }

    @Test
    void aRouteToEthosRunsItsAdapterBesideTheDefaultCsvOneAndSendsOnlyThatCredentialThere() {
        offer("\"get\",\"put\"");

        ethosRunner()
                .withPropertyValues(
                        "credbridge.transcript.target=csv",
                        "credbridge.transcript.routes[0].credential=sql-basics",
                        "credbridge.transcript.routes[0].target=ethos")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBeansOfType(TranscriptWriter.class)).hasSize(2);
                    TranscriptTargets targets = context.getBean(TranscriptTargets.class);
                    assertThat(targets.names()).containsExactly("csv", "ethos");
                    assertThat(targets.targetOf("sql-basics", Definitions.ISSUER.id()))
                            .isEqualTo("ethos");
                    assertThat(targets.targetOf("excel-basics", Definitions.ISSUER.id()))
                            .isEqualTo("csv");
                    assertThat(context).hasSingleBean(SisPersonLookup.class);
                });
    }

    @Test
    void aRouteToATargetWithoutItsSettingsStopsStartupSayingWhatToSet() {
        runner().withPropertyValues(
                        "credbridge.transcript.routes[0].issuer=" + Definitions.ISSUER.id(),
                        "credbridge.transcript.routes[0].target=rest")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("target (or a route) is rest, so set credbridge.transcript.rest."));
    }

    @Test
    void aRouteNamingNeitherOrBothACredentialAndAnIssuerStopsStartup() {
        runner().withPropertyValues(
                        "credbridge.transcript.routes[0].target=csv",
                        "credbridge.transcript.routes[1].target=csv",
                        "credbridge.transcript.routes[1].credential=sql-basics",
                        "credbridge.transcript.routes[1].issuer=" + Definitions.ISSUER.id())
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("routes[0].forACredentialOrAnIssuer")
                        .hasMessageContaining("routes[1].forACredentialOrAnIssuer")
                        .hasMessageContaining("name exactly one of credential"));
    }

    @Test
    void anUnknownTargetStopsStartup() {
        runner().withPropertyValues("credbridge.transcript.target=peoplesoft")
                .run(context -> assertThat(context).hasFailed());
    }

    private ApplicationContextRunner ethosRunner() {
        String templates = "classpath:transcript-templates/colleague-student-aptitude-assessments-";
        return runner().withPropertyValues(
                        "credbridge.transcript.target=ethos",
                        "credbridge.transcript.ethos.base-url=" + ethos.baseUrl(),
                        "credbridge.transcript.ethos.api-key=11111111-2222-3333-4444-555555555555",
                        "credbridge.transcript.ethos.resource=student-aptitude-assessments",
                        "credbridge.transcript.ethos.version=16.0.0",
                        "credbridge.transcript.ethos.templates.issued=" + templates + "issued.json",
                        "credbridge.transcript.ethos.templates.revoked=" + templates + "ended.json",
                        "credbridge.transcript.ethos.templates.expired=" + templates + "ended.json",
                        "credbridge.transcript.ethos.values.assessmentId=a-1");
    }

    private void offer(String methods) {
        ethos.stubFor(WireMock.get(WireMock.urlPathEqualTo("/admin/available-resources"))
                .willReturn(WireMock.okJson("[{\"name\":\"Colleague Student API\",\"resources\":[{\"name\":"
                        + "\"student-aptitude-assessments\",\"representations\":[{\"X-Media-Type\":"
                        + "\"application/vnd.hedtech.integration.v16.0.0+json\",\"methods\":[" + methods + "]}]}]}]")));
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withUserConfiguration(TranscriptBeans.class)
                .withPropertyValues(
                        "credbridge.transcript.csv.directory=" + sisImport,
                        "credbridge.transcript.csv.file-prefix=transcript");
    }

    /** The adapters without the review queue and the route's bean, which need the database and the outbox. */
    @Configuration(proxyBeanMethods = false)
    @ComponentScan(
            value = "io.credbridge.transcript",
            excludeFilters =
                    @ComponentScan.Filter(
                            type = FilterType.REGEX,
                            pattern =
                                    "io\\.credbridge\\.transcript\\.(TranscriptEntries|TranscriptReview.*|TranscriptAcknowledgement.*|TranscriptApiProblems|TranscriptReconciliation.*|TranscriptSisRecords)"))
    @EnableConfigurationProperties({TranscriptProperties.class, CsvTranscriptProperties.class})
    static class TranscriptBeans {

        /** Routes name the catalog's credentials and issuers. */
        @Bean
        CredentialCatalog catalog() {
            return CredentialCatalog.of(List.of(
                    Definitions.badge("sql-basics", new CourseCompleted("https://lms.example.edu/courses/sql")),
                    Definitions.badge("excel-basics", new CourseCompleted("https://lms.example.edu/courses/excel"))));
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        CredBridgeMetrics metrics() {
            return new CredBridgeMetrics(new SimpleMeterRegistry());
        }

        /** The files target records its import files before the upload. */
        @Bean
        MigratedDatabase database() {
            return MigratedDatabase.of(H2TestDatabase.newDataSource());
        }

        @Bean
        NamedParameterJdbcTemplate jdbc(MigratedDatabase database) {
            return database.jdbc();
        }

        @Bean
        PlatformTransactionManager transactions(MigratedDatabase database) {
            return database.transactions().getTransactionManager();
        }
    }
}
