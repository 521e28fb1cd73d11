package io.credbridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

class ApiAccessTest {

    @Test
    void everyEndpointOfEveryControllerUnderApiHasALineInTheTable() throws Exception {
        List<String> endpoints = apiEndpoints();

        assertThat(endpoints).hasSizeGreaterThan(20);
        for (String endpoint : endpoints) {
            String[] parts = endpoint.split(" ", 2);
            assertThat(ApiAccess.ruleFor(new MockHttpServletRequest(parts[0], parts[1])))
                    .as(endpoint + " has its roles in ApiAccess")
                    .isPresent();
        }
    }

    @Test
    void readsAreOpenToAuditorsAndNoChangeIs() throws Exception {
        for (String endpoint : apiEndpoints()) {
            String[] parts = endpoint.split(" ", 2);
            ApiAccess.Rule rule = ApiAccess.ruleFor(new MockHttpServletRequest(parts[0], parts[1]))
                    .orElseThrow();
            assertThat(rule.roles().contains(Role.AUDITOR))
                    .as(endpoint + " is open to auditors exactly when it is a GET")
                    .isEqualTo(parts[0].equals("GET"));
        }
    }

    @Test
    void backfillsAreStartedByIntegratorsAndReadByIntegratorsAndAuditors() {
        assertThat(ApiAccess.ruleFor(new MockHttpServletRequest("POST", "/api/backfill"))
                        .orElseThrow()
                        .roles())
                .containsExactly(Role.INTEGRATOR);
        assertThat(ApiAccess.ruleFor(new MockHttpServletRequest("POST", "/api/backfill/42/rerun"))
                        .orElseThrow()
                        .roles())
                .containsExactly(Role.INTEGRATOR);
        assertThat(ApiAccess.ruleFor(new MockHttpServletRequest("GET", "/api/backfill/42"))
                        .orElseThrow()
                        .roles())
                .containsExactlyInAnyOrder(Role.INTEGRATOR, Role.AUDITOR);
    }

    @Test
    void theAuditTrailIsForAuditorsAlone() {
        assertThat(ApiAccess.ruleFor(new MockHttpServletRequest("GET", "/api/audit"))
                        .orElseThrow()
                        .roles())
                .containsExactly(Role.AUDITOR);
    }

    @Test
    void aPathNoLineNamesHasNoRule() {
        assertThat(ApiAccess.ruleFor(new MockHttpServletRequest("POST", "/api/audit")))
                .isEmpty();
        assertThat(ApiAccess.ruleFor(new MockHttpServletRequest("GET", "/api/no-such-area/1")))
                .isEmpty();
    }

    /** {@code METHOD /path} of every handler method of every REST controller, path variables filled in. */
    private static List<String> apiEndpoints() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        List<String> endpoints = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("io.credbridge")) {
            Class<?> controller = Class.forName(candidate.getBeanClassName());
            RequestMapping base = AnnotatedElementUtils.findMergedAnnotation(controller, RequestMapping.class);
            String prefix = base == null || base.path().length == 0 ? "" : base.path()[0];
            for (Method method : controller.getDeclaredMethods()) {
                RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
                if (mapping == null) {
                    continue;
                }
                String path =
                        (prefix + (mapping.path().length == 0 ? "" : mapping.path()[0])).replaceAll("\\{[^}]+}", "x");
                if (path.startsWith("/api/")) {
                    endpoints.add(mapping.method()[0].name() + " " + path);
                }
            }
        }
        return endpoints;
    }
}
