package io.credbridge.identity;

import io.credbridge.avro.LearnerIdentifier;
import io.credbridge.jdbc.VarcharArray;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/**
 * The learner and course mapping tables. Writes run in the caller's transaction; store mappings through the admin
 * API (or {@code MappingUpdates}) so that the parked events they make mappable are released after the commit.
 */
@Repository
public class IdentityMappings {

    /** Keys looked up per query: the arrays stay small enough for any plan. */
    private static final int CHUNK = 500;

    private static final String LEARNER_COLUMNS =
            "scheme, namespace, identifier, sis_person_id, updated_at, updated_by";
    private static final String COURSE_COLUMNS =
            "lms_course_id, sis_course_code, sis_section, sis_term, updated_at, updated_by";

    private final NamedParameterJdbcTemplate jdbc;

    public IdentityMappings(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts new mappings and replaces existing ones. */
    public void upsertLearners(List<LearnerMapping> mappings) {
        if (mappings.isEmpty()) {
            return;
        }
        SqlParameterSource[] rows = mappings.stream()
                .map(mapping -> key(mapping.learner())
                        .addValue("sisPersonId", mapping.sisPersonId())
                        .addValue("updatedAt", Timestamp.from(mapping.updatedAt()))
                        .addValue("updatedBy", mapping.updatedBy()))
                .toArray(SqlParameterSource[]::new);
        upsert(
                "insert into learner_mapping (" + LEARNER_COLUMNS + ") values (:scheme, :namespace, :value,"
                        + " :sisPersonId, :updatedAt, :updatedBy)",
                "update learner_mapping set sis_person_id = :sisPersonId, updated_at = :updatedAt,"
                        + " updated_by = :updatedBy where scheme = :scheme and namespace = :namespace"
                        + " and identifier = :value",
                rows);
    }

    /** Inserts new course mappings and replaces existing ones. */
    public void upsertCourses(List<CourseMapping> mappings) {
        if (mappings.isEmpty()) {
            return;
        }
        SqlParameterSource[] rows = mappings.stream()
                .map(mapping -> new MapSqlParameterSource()
                        .addValue("lmsCourseId", mapping.lmsCourseId())
                        .addValue("code", mapping.sisCourseCode())
                        .addValue("section", mapping.sisSection())
                        .addValue("term", mapping.sisTerm())
                        .addValue("updatedAt", Timestamp.from(mapping.updatedAt()))
                        .addValue("updatedBy", mapping.updatedBy()))
                .toArray(SqlParameterSource[]::new);
        upsert(
                "insert into course_mapping (" + COURSE_COLUMNS + ") values (:lmsCourseId, :code, :section, :term,"
                        + " :updatedAt, :updatedBy)",
                "update course_mapping set sis_course_code = :code, sis_section = :section, sis_term = :term,"
                        + " updated_at = :updatedAt, updated_by = :updatedBy where lms_course_id = :lmsCourseId",
                rows);
    }

    /** The SIS person id of the first identifier, in the order given, that has a mapping. */
    public Optional<String> sisPersonIdFor(List<LearnerIdentifier> identifiers) {
        List<LearnerMappingKey> keys =
                identifiers.stream().map(LearnerMappingKey::of).toList();
        Map<LearnerMappingKey, String> mapped = sisPersonIds(keys);
        return keys.stream().map(mapped::get).filter(Objects::nonNull).findFirst();
    }

    /** The SIS person id of every key that has a mapping, in one query per few hundred keys. */
    public Map<LearnerMappingKey, String> sisPersonIds(Collection<LearnerMappingKey> keys) {
        Map<LearnerMappingKey, String> found = new HashMap<>();
        for (List<LearnerMappingKey> chunk : chunks(storable(keys))) {
            learnersMatching(chunk).forEach(mapping -> found.put(mapping.learner(), mapping.sisPersonId()));
        }
        return found;
    }

    public Optional<LearnerMapping> learner(LearnerMappingKey key) {
        return learnersMatching(List.of(key)).stream().findFirst();
    }

    /** Learner mappings in key order; a null filter matches everything. */
    public List<LearnerMapping> learners(String scheme, String namespace, String value, int limit) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("limit", limit);
        List<String> conditions = new ArrayList<>();
        // Conditions are left out rather than written "(:x is null or ...)": PostgreSQL cannot type a null parameter.
        filter(conditions, parameters, "scheme", scheme);
        filter(conditions, parameters, "namespace", namespace);
        filter(conditions, parameters, "identifier", value);
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        return jdbc.query(
                "select " + LEARNER_COLUMNS + " from learner_mapping" + where
                        + " order by scheme, namespace, identifier limit :limit",
                parameters,
                IdentityMappings::toLearner);
    }

    /** @return false when there was no such mapping */
    public boolean deleteLearner(LearnerMappingKey key) {
        return jdbc.update(
                        "delete from learner_mapping where scheme = :scheme and namespace = :namespace"
                                + " and identifier = :value",
                        key(key))
                == 1;
    }

    public Optional<CourseMapping> courseFor(String lmsCourseId) {
        return Optional.ofNullable(coursesFor(List.of(lmsCourseId)).get(lmsCourseId));
    }

    /** The mapping of every course id that has one. */
    public Map<String, CourseMapping> coursesFor(Collection<String> lmsCourseIds) {
        Map<String, CourseMapping> found = new HashMap<>();
        for (List<String> chunk : chunks(new LinkedHashSet<>(lmsCourseIds))) {
            jdbc.query(
                            "select " + COURSE_COLUMNS + " from course_mapping where lms_course_id = any(:ids)",
                            Map.of("ids", VarcharArray.of(chunk)),
                            IdentityMappings::toCourse)
                    .forEach(course -> found.put(course.lmsCourseId(), course));
        }
        return found;
    }

    /** The LMS courses mapped to any of these SIS course codes (a course mapping table is a campus's catalog: small). */
    public List<String> lmsCoursesMappedTo(Collection<String> sisCourseCodes) {
        if (sisCourseCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.queryForList(
                "select lms_course_id from course_mapping where sis_course_code = any(:codes) order by lms_course_id",
                Map.of("codes", VarcharArray.of(sisCourseCodes)),
                String.class);
    }

    /** Course mappings in course id order. */
    public List<CourseMapping> courses(int limit) {
        return jdbc.query(
                "select " + COURSE_COLUMNS + " from course_mapping order by lms_course_id limit :limit",
                Map.of("limit", limit),
                IdentityMappings::toCourse);
    }

    /** @return false when there was no such mapping */
    public boolean deleteCourse(String lmsCourseId) {
        return jdbc.update("delete from course_mapping where lms_course_id = :id", Map.of("id", lmsCourseId)) == 1;
    }

    /**
     * Insert-if-absent then update: what both databases run (H2 has no {@code on conflict do update}), and a
     * concurrent insert of the same key is not an error.
     */
    private void upsert(String insert, String update, SqlParameterSource[] rows) {
        jdbc.batchUpdate(insert + " on conflict do nothing", rows);
        jdbc.batchUpdate(update, rows);
    }

    /**
     * One query for a set of keys: each column is matched against its own array (an index lookup on both
     * databases, see {@link VarcharArray}), which finds a superset; the exact keys are picked out here.
     */
    private List<LearnerMapping> learnersMatching(List<LearnerMappingKey> keys) {
        Set<LearnerMappingKey> wanted = Set.copyOf(keys);
        return jdbc
                .query(
                        "select " + LEARNER_COLUMNS + " from learner_mapping where scheme = any(:schemes)"
                                + " and namespace = any(:namespaces) and identifier = any(:values)",
                        columnArrays(keys),
                        IdentityMappings::toLearner)
                .stream()
                .filter(mapping -> wanted.contains(mapping.learner()))
                .toList();
    }

    static MapSqlParameterSource columnArrays(Collection<LearnerMappingKey> keys) {
        return new MapSqlParameterSource()
                .addValue("schemes", distinct(keys, LearnerMappingKey::scheme))
                .addValue("namespaces", distinct(keys, LearnerMappingKey::namespace))
                .addValue("values", distinct(keys, LearnerMappingKey::value));
    }

    private static VarcharArray distinct(Collection<LearnerMappingKey> keys, Function<LearnerMappingKey, String> part) {
        return VarcharArray.of(keys.stream().map(part).collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    static List<LearnerMappingKey> storable(Collection<LearnerMappingKey> keys) {
        return keys.stream().filter(LearnerMappingKey::storable).distinct().toList();
    }

    static <T> List<List<T>> chunks(Collection<T> items) {
        List<T> all = List.copyOf(items);
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return chunks;
    }

    private static MapSqlParameterSource key(LearnerMappingKey key) {
        return new MapSqlParameterSource()
                .addValue("scheme", key.scheme())
                .addValue("namespace", key.namespace())
                .addValue("value", key.value());
    }

    private static void filter(List<String> conditions, MapSqlParameterSource parameters, String column, String value) {
        if (value != null) {
            conditions.add(column + " = :" + column);
            parameters.addValue(column, value);
        }
    }

    private static LearnerMapping toLearner(ResultSet row, int index) throws SQLException {
        return new LearnerMapping(
                new LearnerMappingKey(row.getString("scheme"), row.getString("namespace"), row.getString("identifier")),
                row.getString("sis_person_id"),
                row.getTimestamp("updated_at").toInstant(),
                row.getString("updated_by"));
    }

    private static CourseMapping toCourse(ResultSet row, int index) throws SQLException {
        return new CourseMapping(
                row.getString("lms_course_id"),
                row.getString("sis_course_code"),
                row.getString("sis_section"),
                row.getString("sis_term"),
                row.getTimestamp("updated_at").toInstant(),
                row.getString("updated_by"));
    }
}
