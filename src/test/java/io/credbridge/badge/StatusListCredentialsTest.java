package io.credbridge.badge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.credbridge.award.AwardChange;
import io.credbridge.testsupport.H2TestDatabase;
import io.credbridge.testsupport.MigratedDatabase;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

class StatusListCredentialsTest {

    private final ObjectMapper json = new ObjectMapper();
    private final Issuer issuer = TestIssuers.issuers().all().get(0);
    private final CredentialVerifier verifier = new CredentialVerifier(Map.of(
            issuer.verificationMethod(), issuer.signingKey().verificationKey().publicKey(),
            issuer.jwkVerificationMethod(),
                    issuer.signingKey().verificationKey().publicKey()));
    private StatusLists lists;
    private StatusListCredentials credentials;

    @BeforeEach
    void migrate() {
        DataSource dataSource = H2TestDatabase.newDataSource();
        lists = new StatusLists(
                MigratedDatabase.of(dataSource).jdbc(),
                new DataSourceTransactionManager(dataSource),
                TestIssuers.issuers(),
                TestIssuers.PUBLIC_URL,
                Bitstring.MINIMUM_LENGTH);
        credentials = new StatusListCredentials(
                lists,
                TestIssuers.issuers(),
                new DataIntegrityProofs(new CanonicalRdf(JsonLdContexts.shipped(TestIssuers.PUBLIC_URL))),
                new VcJoseCredentials());
    }

    @Test
    void theServedListIsASignedBitstringStatusListCredentialWithTheRevokedAwardsBitSet() throws Exception {
        String revokedId = UUID.randomUUID().toString();
        int revoked = lists.entryFor(StatusListsContract.award(revokedId, AwardChange.Action.ISSUED))
                .index();
        int active = lists.entryFor(StatusListsContract.award(UUID.randomUUID().toString(), AwardChange.Action.ISSUED))
                .index();
        lists.entryFor(StatusListsContract.award(revokedId, AwardChange.Action.REVOKED));

        String document = credentials.of("ce", 1).orElseThrow().document();

        JsonNode list = json.readTree(document);
        assertThat(list.path("id").asText()).isEqualTo(TestIssuers.PUBLIC_URL + "/issuers/ce/status/1");
        assertThat(list.path("type").toString()).contains("BitstringStatusListCredential");
        assertThat(list.path("issuer").asText()).isEqualTo(TestIssuers.DID);
        JsonNode subject = list.path("credentialSubject");
        assertThat(subject.path("type").asText()).isEqualTo("BitstringStatusList");
        assertThat(subject.path("statusPurpose").asText()).isEqualTo("revocation");
        StatusListBits bits = StatusListBits.decode(subject.path("encodedList").asText());
        assertThat(bits.isSet(revoked)).isTrue();
        assertThat(bits.isSet(active)).isFalse();
        assertThat(bits.bits().cardinality()).isEqualTo(1);
        assertThat(verifier.verifiesDataIntegrity(document)).isTrue();
    }

    @Test
    void theListIsAlsoAVcJoseJwsOfTheSameCredentialThatVerifiesWithTheIssuersKeyAndChangesWithItsBits()
            throws Exception {
        String revokedId = UUID.randomUUID().toString();
        int revoked = lists.entryFor(StatusListsContract.award(revokedId, AwardChange.Action.ISSUED))
                .index();
        StatusListCredentials.PublishedList before = credentials.of("ce", 1).orElseThrow();
        lists.entryFor(StatusListsContract.award(revokedId, AwardChange.Action.REVOKED));
        StatusListCredentials.PublishedList published = credentials.of("ce", 1).orElseThrow();

        JsonNode payload = json.readTree(verifier.verifiedJwsPayload(published.jwt()));
        ObjectNode withoutProof = (ObjectNode) json.readTree(published.document());
        withoutProof.remove("proof");

        assertThat(payload).isEqualTo(withoutProof);
        assertThat(StatusListBits.decode(payload.path("credentialSubject")
                                .path("encodedList")
                                .asText())
                        .isSet(revoked))
                .isTrue();
        assertThat(published.jwtEtag()).isNotEqualTo(published.etag()).isNotEqualTo(before.jwtEtag());
        String[] parts = published.jwt().split("\\.");
        String forged = parts[0] + "."
                + java.util.Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(
                                json.writeValueAsBytes(json.readTree(verifier.verifiedJwsPayload(before.jwt()))))
                + "." + parts[2];
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> verifier.verifiedJwsPayload(forged))
                .as("the signature of the revoked list does not cover the list from before the revocation")
                .isInstanceOf(Exception.class);
    }

    @Test
    void aListWithAFlippedBitNoLongerVerifies() throws Exception {
        lists.entryFor(StatusListsContract.award(UUID.randomUUID().toString(), AwardChange.Action.ISSUED));
        ObjectNode list =
                (ObjectNode) json.readTree(credentials.of("ce", 1).orElseThrow().document());

        ((ObjectNode) list.path("credentialSubject"))
                .put("encodedList", Bitstring.encode(java.util.List.of(42), Bitstring.MINIMUM_LENGTH));

        assertThat(verifier.verifiesDataIntegrity(list.toString())).isFalse();
    }

    @Test
    void theListIsSignedAgainOnlyWhenABitChanges() {
        String awardId = UUID.randomUUID().toString();
        lists.entryFor(StatusListsContract.award(awardId, AwardChange.Action.ISSUED));
        StatusListCredentials.PublishedList before = credentials.of("ce", 1).orElseThrow();

        lists.entryFor(StatusListsContract.award(UUID.randomUUID().toString(), AwardChange.Action.ISSUED));
        StatusListCredentials.PublishedList unchanged = credentials.of("ce", 1).orElseThrow();
        lists.entryFor(StatusListsContract.award(awardId, AwardChange.Action.REVOKED));
        StatusListCredentials.PublishedList after = credentials.of("ce", 1).orElseThrow();

        assertThat(unchanged).isSameAs(before);
        assertThat(after.etag()).isNotEqualTo(before.etag());
        assertThat(after.revision()).isEqualTo(1);
    }

    @Test
    void thereIsNoListForAnUnknownIssuerOrAListNotStartedYet() {
        lists.entryFor(StatusListsContract.award(UUID.randomUUID().toString(), AwardChange.Action.ISSUED));

        assertThat(credentials.of("nobody", 1)).isEmpty();
        assertThat(credentials.of("ce", 2)).isEmpty();
    }
}
