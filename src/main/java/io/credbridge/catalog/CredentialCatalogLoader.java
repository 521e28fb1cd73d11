package io.credbridge.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Reads credential definitions, one per YAML file, and refuses the whole catalog if any definition is wrong:
 * awarding from a half-loaded catalog would silently miss credentials.
 */
final class CredentialCatalogLoader {

    private static final Logger log = LoggerFactory.getLogger(CredentialCatalogLoader.class);

    private final ResourcePatternResolver resources;
    private final Validator validator;
    private final ObjectMapper yaml;
    private final Map<String, Term> terms;

    public CredentialCatalogLoader(ResourcePatternResolver resources, Validator validator) {
        this(resources, validator, Map.of());
    }

    public CredentialCatalogLoader(ResourcePatternResolver resources, Validator validator, Map<String, Term> terms) {
        this.resources = resources;
        this.validator = validator;
        this.terms = Map.copyOf(terms);
        this.yaml = new ObjectMapper(new YAMLFactory())
                .registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    public CredentialCatalog load(List<String> locations) {
        List<String> problems = new ArrayList<>();
        Map<String, String> fileById = new HashMap<>();
        List<CatalogStructure.Located> definitions = new ArrayList<>();
        for (Resource file : find(locations, problems)) {
            String fileName = describe(file);
            CredentialDefinition definition = read(file, fileName, problems);
            if (definition == null) {
                continue;
            }
            List<String> violations = violations(definition, fileName);
            problems.addAll(violations);
            String clash = fileById.putIfAbsent(definition.id() + " v" + definition.version(), fileName);
            if (clash != null) {
                problems.add(fileName + ": credential '" + definition.id() + "': version " + definition.version()
                        + " is already defined in " + clash + "; a changed definition needs a new version");
            } else if (violations.isEmpty()) {
                definitions.add(new CatalogStructure.Located(definition, fileName));
            }
        }
        Set<String> ids = new HashSet<>();
        fileById.keySet().forEach(key -> ids.add(key.substring(0, key.lastIndexOf(" v"))));
        problems.addAll(CatalogStructure.problems(definitions, ids));
        if (problems.isEmpty() && definitions.isEmpty()) {
            problems.add("no credential definitions found at " + locations
                    + "; point credbridge.catalog.locations at your catalog's *.yaml files");
        }
        if (!problems.isEmpty()) {
            throw new InvalidCatalogException(problems);
        }
        List<String> warnings = definitions.stream()
                .filter(each -> !each.definition().missingEuMandatoryElements().isEmpty())
                .map(each -> each.file() + ": credential '" + each.definition().id() + "' lacks the elements the EU"
                        + " Council Recommendation on micro-credentials (2022/C 243/02, Annex I) makes mandatory,"
                        + " under euMicroCredential: "
                        + String.join(", ", each.definition().missingEuMandatoryElements()))
                .toList();
        warnings.forEach(log::warn);
        return CredentialCatalog.of(
                definitions.stream().map(CatalogStructure.Located::definition).toList(), warnings);
    }

    private List<Resource> find(List<String> locations, List<String> problems) {
        List<Resource> found = new ArrayList<>();
        for (String location : locations) {
            try {
                for (Resource resource : resources.getResources(location)) {
                    if (resource.isReadable()) {
                        found.add(resource);
                    }
                }
            } catch (IOException e) {
                problems.add(location + ": cannot be read (" + e.getMessage() + ")");
            }
        }
        found.sort(Comparator.comparing(CredentialCatalogLoader::describe));
        return found;
    }

    /**
     * Reads one draft definition (YAML or JSON) and checks it as a catalog file would be checked, against the
     * credentials of {@code current}; a draft with the id of a current definition stands in for it.
     *
     * @throws InvalidCatalogException listing every problem of the draft
     */
    CredentialDefinition readDraft(String text, CredentialCatalog current) {
        List<String> problems = new ArrayList<>();
        CredentialDefinition draft =
                read(new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8)), "draft", problems);
        if (draft != null) {
            problems.addAll(violations(draft, "draft"));
        }
        if (draft != null && problems.isEmpty()) {
            List<CatalogStructure.Located> all = new ArrayList<>();
            current.definitions().stream()
                    .filter(definition -> !definition.id().equals(draft.id()))
                    .forEach(definition -> all.add(new CatalogStructure.Located(definition, "catalog")));
            all.add(new CatalogStructure.Located(draft, "draft"));
            Set<String> ids = new HashSet<>();
            all.forEach(each -> ids.add(each.definition().id()));
            CatalogStructure.problems(all, ids).stream()
                    .filter(problem -> problem.startsWith("draft") || problem.contains(draft.id()))
                    .forEach(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new InvalidCatalogException(problems);
        }
        return draft;
    }

    private CredentialDefinition read(Resource file, String fileName, List<String> problems) {
        try (InputStream in = file.getInputStream()) {
            byte[] text = in.readAllBytes();
            JsonNode tree = yaml.readTree(text);
            List<String> termProblems = new ArrayList<>();
            boolean rewritten =
                    tree != null && (CourseLists.expand(tree) | Terms.resolve(tree, "", terms, termProblems));
            if (!termProblems.isEmpty()) {
                String prefix = fileName + ": credential '" + tree.path("id").asText() + "': ";
                termProblems.forEach(problem -> problems.add(prefix + problem));
                return null;
            }
            // Bound from the text where possible: errors then carry line and column.
            CredentialDefinition definition = rewritten
                    ? yaml.treeToValue(tree, CredentialDefinition.class)
                    : yaml.readValue(text, CredentialDefinition.class);
            if (definition == null) {
                problems.add(fileName + ": " + ("draft".equals(fileName) ? "the body is empty" : "the file is empty"));
            }
            return definition;
        } catch (JsonMappingException e) {
            problems.add(fileName + ": " + fieldOf(e) + describeParseProblem(e));
        } catch (JsonProcessingException e) {
            problems.add(fileName + ": not valid YAML: " + describeParseProblem(e));
        } catch (IOException e) {
            problems.add(fileName + ": cannot be read (" + e.getMessage() + ")");
        }
        return null;
    }

    private List<String> violations(CredentialDefinition definition, String fileName) {
        return validator.validate(definition).stream()
                .map(violation -> fileName + ": credential '" + definition.id() + "': " + fieldOf(violation) + " "
                        + violation.getMessage() + wasValue(violation))
                .sorted()
                .toList();
    }

    private static String fieldOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            }
        }
        return path.isEmpty() ? "" : "field '" + path + "': ";
    }

    private static String fieldOf(ConstraintViolation<CredentialDefinition> violation) {
        String path = violation.getPropertyPath().toString().replaceAll("\\.<list element>", "");
        return "field '" + path + "'";
    }

    private static String wasValue(ConstraintViolation<CredentialDefinition> violation) {
        Object value = violation.getInvalidValue();
        return value == null || value instanceof Iterable<?> ? "" : " (was '" + value + "')";
    }

    private static String describeParseProblem(JsonProcessingException e) {
        String where = e.getLocation() == null
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
        return e.getOriginalMessage().lines().findFirst().orElse("") + where;
    }

    private static String describe(Resource resource) {
        try {
            return resource.getURI().toString();
        } catch (IOException e) {
            return resource.getDescription();
        }
    }
}
