package io.credbridge.badge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryEncodingTest {

    static final BadgeSerializationProperties.Registry REGISTRY =
            new BadgeSerializationProperties.Registry("https://registry.example.edu", true, "", "", "", "", "");

    @Test
    void theIdTravelsInTheValueAsConfluentsWireFormatHasItNotInHeaders() {
        Map<String, Object> config = RegistryEncoding.serdeConfig(REGISTRY);

        assertThat(config)
                .containsEntry("apicurio.registry.url", "https://registry.example.edu/apis/registry/v3")
                .containsEntry("apicurio.registry.headers.enabled", false)
                .containsEntry("apicurio.registry.id-handler", "io.apicurio.registry.serde.Default4ByteIdHandler")
                .containsEntry("apicurio.registry.use-id", "contentId")
                .containsEntry("apicurio.registry.dereference-schema", true)
                .containsEntry("apicurio.registry.auto-register", true);
    }

    @Test
    void basicOrClientCredentialsArePassedOnOnlyWhenConfigured() {
        assertThat(RegistryEncoding.serdeConfig(REGISTRY))
                .doesNotContainKeys("apicurio.registry.auth.username", "apicurio.registry.auth.service.token.endpoint");

        Map<String, Object> basic = RegistryEncoding.serdeConfig(
                new BadgeSerializationProperties.Registry("https://r.example.edu", true, "cb", "pw", "", "", ""));
        Map<String, Object> oauth = RegistryEncoding.serdeConfig(new BadgeSerializationProperties.Registry(
                "https://r.example.edu", true, "", "", "https://sso.example.edu/token", "cb", "secret"));

        assertThat(basic)
                .containsEntry("apicurio.registry.auth.username", "cb")
                .containsEntry("apicurio.registry.auth.password", "pw");
        assertThat(oauth)
                .containsEntry("apicurio.registry.auth.service.token.endpoint", "https://sso.example.edu/token")
                .containsEntry("apicurio.registry.auth.client.id", "cb")
                .containsEntry("apicurio.registry.auth.client.secret", "secret");
    }
}
