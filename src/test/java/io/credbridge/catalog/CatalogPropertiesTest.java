package io.credbridge.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;

class CatalogPropertiesTest {

    @Test
    void termsBindFromIsoDatesUnderTheirNames() {
        Binder binder = new Binder(
                java.util.List.of(new MapConfigurationPropertySource(Map.of(
                        "credbridge.catalog.locations[0]", "file:/etc/credbridge/catalog/*.yaml",
                        "credbridge.catalog.terms.fall-2026.from", "2026-09-01",
                        "credbridge.catalog.terms.fall-2026.to", "2026-12-20"))),
                null,
                ApplicationConversionService.getSharedInstance());

        CatalogProperties properties =
                binder.bind("credbridge.catalog", CatalogProperties.class).get();

        assertThat(properties.terms())
                .containsExactly(
                        Map.entry("fall-2026", new Term(LocalDate.parse("2026-09-01"), LocalDate.parse("2026-12-20"))));
    }

    @Test
    void aCatalogWithoutTermsHasNone() {
        assertThat(new CatalogProperties(java.util.List.of("classpath:demo/catalog/*.yaml"), null).terms())
                .isEmpty();
    }
}
